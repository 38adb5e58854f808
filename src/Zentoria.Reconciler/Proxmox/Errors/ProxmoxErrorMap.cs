using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The one table from a Proxmox answer (status code + text) to a typed error. Proxmox answers 500 for "not
/// found", "locked" and most other refusals, so below 501 the text decides. The same text rules classify a
/// failed task's exit status.
/// </summary>
internal static partial class ProxmoxErrorMap
{
    // Refusals that no retry cures (reference 4.2, 7.2, 8.2, 8.4, 8.5).
    private static readonly string[] KnownRefusals =
    [
        "feature is not available",
        "protection mode enabled",
        "unable to delete required option",
        "unable to modify read-only option",
        "(reserved name)",
        "you can't",
        "is bigger than bridge MTU",
    ];

    public static ProxmoxException FromResponse(ProxmoxRequestContext request, int status, string text, IReadOnlyDictionary<string, string>? errors, ProxmoxErrorOrigin origin)
    {
        var detail = text.Length > 0 ? text : $"HTTP {status}";
        switch (status)
        {
            case 400:
                var parameters = errors ?? new Dictionary<string, string>();
                var joined = string.Join("; ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {ProxmoxErrorText.Normalize(p.Value)}"));
                return new ProxmoxParameterException(Describe(request, status, joined.Length > 0 ? $"{detail} {joined}" : detail), parameters, request, status, text);
            case 401:
                return new ProxmoxUnauthorizedException(
                    $"Proxmox at {origin.Endpoint} rejected {origin.Credential}: 401 {detail}", request, status, text);
            case 403:
                var permission = PermissionCheck().Match(text);
                return new ProxmoxForbiddenException(
                    Describe(request, status, detail),
                    permission.Success ? permission.Groups["path"].Value : null,
                    permission.Success ? permission.Groups["privilege"].Value : null,
                    request,
                    status,
                    text);
            case 501:
                return new ProxmoxNotImplementedException(Describe(request, status, detail), request, status, text);
            case >= 595 and <= 599:
                return new ProxmoxNodeUnreachableException(
                    $"Proxmox at {origin.Endpoint} could not reach the node for {request}: {status} {detail} (a failure between Proxmox nodes, not of this client's connection)",
                    request,
                    status,
                    text);
        }

        return FromText(text, Describe(request, status, detail), request, status);
    }

    /// <summary>Classifies a task exit status or any other Proxmox error text.</summary>
    public static ProxmoxErrorKind Classify(string text) => Interpret(text).Kind;

    /// <summary>The error a text stands for, as if Proxmox had answered it with a 500.</summary>
    public static ProxmoxException Interpret(string text) => FromText(text, text, null, null);

    private static ProxmoxException FromText(string text, string message, ProxmoxRequestContext? request, int? status)
    {
        if (text.Contains("can't lock file", StringComparison.Ordinal) && text.Contains("got timeout", StringComparison.Ordinal))
        {
            return new ProxmoxLockTimeoutException(message, request, status, text);
        }

        var locked = Locked().Match(text);
        if (locked.Success)
        {
            return new ProxmoxLockedException(message, locked.Groups["lock"].Value, request, status, text);
        }

        if (text.Contains("detected modified configuration", StringComparison.Ordinal))
        {
            return new ProxmoxDigestConflictException(message, request, status, text);
        }

        if (AlreadyRunning().IsMatch(text))
        {
            return new ProxmoxAlreadyRunningException(message, request, status, text);
        }

        if (NotRunning().IsMatch(text))
        {
            return new ProxmoxNotRunningException(message, request, status, text);
        }

        if (text.Contains("does not exist", StringComparison.Ordinal) || text.Contains("no such task", StringComparison.Ordinal))
        {
            return new ProxmoxNotFoundException(message, request, status, text);
        }

        if (text.Contains("already exists", StringComparison.Ordinal))
        {
            return new ProxmoxAlreadyExistsException(message, request, status, text);
        }

        if (KnownRefusals.Any(refusal => text.Contains(refusal, StringComparison.Ordinal)))
        {
            return new ProxmoxException(ProxmoxErrorKind.Refused, message, request, status, text);
        }

        return new ProxmoxException(ProxmoxErrorKind.ApiError, message, request, status, text);
    }

    private static string Describe(ProxmoxRequestContext request, int status, string detail) => $"{request} failed with {status}: {detail}";

    [GeneratedRegex(@"\b(?:CT|VM) is locked \((?<lock>[^)]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Locked();

    [GeneratedRegex(@"\b(?:CT|VM) \d+ already running", RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyRunning();

    // Reboot says "VM 101 not running" even for containers; pct exec says "container '101' not running!".
    [GeneratedRegex(@"\b(?:CT|VM) \d+ not running|container '\d+' not running", RegexOptions.CultureInvariant)]
    private static partial Regex NotRunning();

    [GeneratedRegex(@"^Permission check failed \((?<path>/[^,]*), (?<privilege>[^)]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionCheck();
}
