using System.Globalization;
using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>
/// Checks for the textual formats of the desired state. Each returns the message to print, or null when the
/// value is fine. The JSON Schema carries the same patterns, so an editor and the loader agree.
/// </summary>
internal static partial class Formats
{
    public static string? CheckName(string value) => NamePattern().IsMatch(value) ? null :
        $"'{value}' is not a valid name: use lower-case letters, digits and '-', start with a letter, at most 40 characters (names become Proxmox snapshot names)";

    public static string? CheckFlagName(string value) => FlagNamePattern().IsMatch(value) ? null :
        $"'{value}' is not a valid flag name: use letters, digits, '-', '_' and '.', starting with a letter or digit";

    public static string? CheckVersion(string value) => VersionPattern().IsMatch(value) ? null :
        $"'{value}' is not a version; write it like v1.4.2, 1.0.0 or v1.5.0-rc.1";

    public static string? CheckImage(string value)
    {
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        if (lastSegment.Contains(':', StringComparison.Ordinal) || value.Contains('@', StringComparison.Ordinal))
        {
            return $"'{value}' carries a tag or digest; write the image without it and put the version in 'version'";
        }

        return ImagePattern().IsMatch(value) ? null :
            $"'{value}' is not an image reference such as ghcr.io/zentoriaai/zentoria-mcp-gateway";
    }

    public static string? CheckCidr(string value) => value == "dhcp" || Addresses.TryParseCidr(value, out _, out _) ? null :
        $"'{value}' is not an IPv4 address with a prefix length such as 192.0.2.10/24, nor 'dhcp'";

    public static string? CheckIPv4(string value) => Addresses.TryParseIPv4(value, out _) ? null :
        $"'{value}' is not an IPv4 address such as 192.0.2.1";

    public static string? CheckDuration(string value) => TryParseDuration(value, out _) ? null :
        $"'{value}' is not a duration; write it like 10s, 10m, 1h or 1h30m";

    public static string? CheckHostname(string value) => value.Length <= 253 && HostnamePattern().IsMatch(value) ? null :
        $"'{value}' is not a valid hostname: letters, digits and '-' in dot-separated labels of at most 63 characters";

    public static string? CheckNode(string value) => NodePattern().IsMatch(value) ? null :
        $"'{value}' is not a valid Proxmox node name";

    public static string? CheckTag(string value) => TagPattern().IsMatch(value) ? null :
        $"'{value}' is not a valid Proxmox tag: start with a letter, digit or '_', then letters, digits, '_', '-', '+' or '.'";

    public static string? CheckAbsolutePath(string value) => AbsolutePathPattern().IsMatch(value) && !value.Split('/').Contains("..") ? null :
        $"'{value}' is not an absolute file path such as /etc/zentoria/proxmox-token";

    public static string? CheckEnvironmentVariable(string value) => EnvironmentVariablePattern().IsMatch(value) ? null :
        $"'{value}' is not an environment variable name such as ZENTORIA_PROXMOX_TOKEN";

    public static string? CheckHttpPath(string value) => HttpPathPattern().IsMatch(value) ? null :
        $"'{value}' is not an HTTP path such as /health";

    public static string? CheckIdentifier(string value) => IdentifierPattern().IsMatch(value) ? null :
        $"'{value}' may only hold letters, digits, '_', '-' and '.'";

    public static string? CheckUser(string value) => UserPattern().IsMatch(value) ? null :
        $"'{value}' is not a valid user name";

    public static string? CheckOsTemplate(string value) => OsTemplatePattern().IsMatch(value) ? null :
        $"'{value}' is not a template volume such as local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";

    public static string? CheckCertificateFingerprint(string value) =>
        CertificateFingerprintPattern().IsMatch(value) || CheckAbsolutePath(value) is null ? null :
        $"'{value}' is neither a SHA-256 fingerprint (32 colon-separated hex pairs) nor the absolute path of a file holding one";

    public static string? CheckHostKeyFingerprint(string value) => HostKeyFingerprintPattern().IsMatch(value) ? null :
        $"'{value}' is not an SSH host key fingerprint such as SHA256:+nLQ0gYCeW0Mxq0pm1NP3mUwnyy8hnZa8Qmjp1ZKJ7s";

    public static bool TryParseDuration(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(value);
        if (!match.Success || value.Length == 0)
        {
            return false;
        }

        static long Part(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var seconds = (Part(match.Groups["h"]) * 3600) + (Part(match.Groups["m"]) * 60) + Part(match.Groups["s"]);
        if (seconds is <= 0 or > 366L * 24 * 3600)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")]
    private static partial Regex FlagNamePattern();

    [GeneratedRegex(@"^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]+)?/)?[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("^(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,6})m)?(?:(?<s>[0-9]{1,6})s)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostnamePattern();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex NodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_\-+.]*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^/[^\x00-\x1f]*$")]
    private static partial Regex AbsolutePathPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariablePattern();

    [GeneratedRegex(@"^/[^\s]*$")]
    private static partial Regex HttpPathPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z_][a-z0-9_-]*$")]
    private static partial Regex UserPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*:vztmpl/[^/\\s]+$")]
    private static partial Regex OsTemplatePattern();

    [GeneratedRegex("^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$")]
    private static partial Regex CertificateFingerprintPattern();

    [GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}=?$")]
    private static partial Regex HostKeyFingerprintPattern();
}
