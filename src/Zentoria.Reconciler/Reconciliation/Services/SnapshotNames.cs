using System.Globalization;
using System.Text;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Names of the snapshots the operator takes before a deploy: <c>zentoria-&lt;version&gt;-&lt;UTC time&gt;</c>, such as
/// <c>zentoria-v1-4-1-20261126120000</c>. Proxmox allows <c>^[a-z][a-z0-9_-]+$</c> and 40 characters, so the
/// version's dots become dashes and a long version is cut. Only names with the prefix are ever deleted.
/// </summary>
internal static class SnapshotNames
{
    public const string Prefix = "zentoria-";

    public const int MaxLength = 40;

    private const string TimeFormat = "yyyyMMddHHmmss";

    public static string For(string? version, DateTimeOffset at)
    {
        var stamp = at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
        var room = MaxLength - Prefix.Length - 1 - stamp.Length;
        var part = Sanitize(version ?? "unknown");
        part = part.Length <= room ? part : part[..room].TrimEnd('-', '_');
        return $"{Prefix}{(part.Length == 0 ? "unknown" : part)}-{stamp}";
    }

    public static bool IsOperatorMade(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Sanitize(string version)
    {
        var builder = new StringBuilder(version.Length);
        foreach (var character in version.ToLowerInvariant())
        {
            builder.Append(character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' ? character : '-');
        }

        return builder.ToString().Trim('-');
    }
}
