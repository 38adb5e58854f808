using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Proxmox;

internal static partial class ProxmoxErrorText
{
    /// <summary>
    /// One line of text: Proxmox messages usually end in a newline, sometimes span lines, and a Perl <c>die</c>
    /// without a trailing newline gets <c> at /usr/share/perl5/PVE/X.pm line N.</c> appended.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return PerlLocation().Replace(oneLine, "").Trim();
    }

    [GeneratedRegex(@" at /\S+\.pm line \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex PerlLocation();
}
