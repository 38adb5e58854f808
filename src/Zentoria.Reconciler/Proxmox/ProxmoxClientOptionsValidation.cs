namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Validates options once, at client creation, into one error line that lists every problem and never echoes
/// a token, password or URL credentials.
/// </summary>
internal static class ProxmoxClientOptionsValidation
{
    public static ValidatedProxmoxOptions Validate(ProxmoxClientOptions options)
    {
        var problems = new List<string>();
        var generated = new ProxmoxClientOptionsValidator().Validate(null, options);
        if (generated.Failed)
        {
            problems.AddRange(generated.Failures);
        }

        var apiRoot = ApiRootOf(options.BaseUrl, problems);
        ProxmoxApiToken? token = null;
        var hasToken = !string.IsNullOrWhiteSpace(options.ApiToken);
        var hasLogin = !string.IsNullOrWhiteSpace(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (hasToken == hasLogin)
        {
            problems.Add("give either ApiToken or Username and Password");
        }
        else if (hasToken && !ProxmoxApiToken.TryParse(options.ApiToken, out token, out var tokenProblem))
        {
            problems.Add(tokenProblem);
        }
        else if (hasLogin && (string.IsNullOrWhiteSpace(options.Username) || string.IsNullOrEmpty(options.Password)))
        {
            problems.Add("ticket login needs both Username and Password");
        }

        CertificateFingerprint? pinned = null;
        if (!string.IsNullOrWhiteSpace(options.CertificateFingerprint) && !CertificateFingerprint.TryParse(options.CertificateFingerprint, out pinned))
        {
            problems.Add("CertificateFingerprint must be 32 bytes of hex (SHA-256), with or without colons");
        }

        if (pinned is not null && options.BaseUrl is { Scheme: "http" })
        {
            problems.Add("CertificateFingerprint needs an https BaseUrl");
        }

        if (pinned is not null && options.SkipCertificateVerification)
        {
            problems.Add("CertificateFingerprint and SkipCertificateVerification exclude each other");
        }

        if (options.OperationTimeout <= options.AttemptTimeout)
        {
            problems.Add($"OperationTimeout ({options.OperationTimeout}) must exceed AttemptTimeout ({options.AttemptTimeout})");
        }

        if (options.TaskPollMaxInterval < options.TaskPollInitialInterval)
        {
            problems.Add($"TaskPollMaxInterval ({options.TaskPollMaxInterval}) must not be below TaskPollInitialInterval ({options.TaskPollInitialInterval})");
        }

        if (problems.Count > 0 || apiRoot is null)
        {
            throw new ProxmoxConfigurationException("Invalid Proxmox client options: " + string.Join("; ", problems.Select(p => p.TrimEnd('.'))) + ".");
        }

        return new ValidatedProxmoxOptions(options, apiRoot, token, pinned);
    }

    private static Uri? ApiRootOf(Uri? baseUrl, List<string> problems)
    {
        if (baseUrl is null)
        {
            return null;
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("BaseUrl must be an absolute http or https URL");
            return null;
        }

        if (!string.IsNullOrEmpty(baseUrl.UserInfo) || !string.IsNullOrEmpty(baseUrl.Query))
        {
            problems.Add("BaseUrl must not carry credentials or a query");
            return null;
        }

        var path = baseUrl.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/api2/json", StringComparison.Ordinal))
        {
            path += "/api2/json";
        }

        return new UriBuilder(baseUrl) { Path = path + "/" }.Uri;
    }
}
