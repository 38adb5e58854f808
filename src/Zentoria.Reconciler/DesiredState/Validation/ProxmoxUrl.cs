namespace Zentoria.Reconciler.DesiredState.Validation;

internal static class ProxmoxUrl
{
    public static string? Check(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return $"'{value}' is not an http or https URL such as https://127.0.0.1:8006";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "the URL must not carry credentials; name a tokenFile or tokenEnv instead";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0 ? $"'{value}' is a base URL; leave out the query and fragment" : null;
    }

    /// <summary>The host as written, without IPv6 brackets; null when the URL does not parse.</summary>
    public static string? HostOf(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri.Host.Trim('[', ']') : null;
}
