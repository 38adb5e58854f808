using System.Security.Cryptography;
using System.Text;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>
/// Writes a container the way <c>/etc/pve/lxc/&lt;vmid&gt;.conf</c> looks; the digest is the SHA-1 of that text,
/// so it covers pending and snapshot sections and changes with any edit, lock change or snapshot.
/// </summary>
internal static class ConfigFile
{
    public static string Serialize(SimulatedContainer container)
    {
        var text = new StringBuilder();
        WriteSection(text, container.Config);
        if (container.Pending.Count > 0 || container.PendingDeletes.Count > 0)
        {
            text.Append("\n[pve:pending]\n");
            WriteSection(text, container.Pending);
            if (container.PendingDeletes.Count > 0)
            {
                text.Append("delete: ").Append(string.Join(',', container.PendingDeletes)).Append('\n');
            }
        }

        foreach (var snapshot in container.Snapshots)
        {
            text.Append('\n').Append('[').Append(snapshot.Name).Append("]\n");
            WriteSection(text, snapshot.Config);
            if (snapshot.Parent is not null)
            {
                text.Append("parent: ").Append(snapshot.Parent).Append('\n');
            }

            text.Append("snaptime: ").Append(snapshot.SnapTime).Append('\n');
        }

        return text.ToString();
    }

    // PVE's digest is SHA-1; it detects concurrent edits, it protects nothing.
#pragma warning disable CA5350
    public static string Digest(SimulatedContainer container) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Serialize(container))));
#pragma warning restore CA5350

    /// <summary>A description as PVE reads it back from its comment lines: every line ends in a newline.</summary>
    public static string DescriptionForWire(string stored) =>
        string.Concat(stored.TrimEnd('\n').Split('\n').Select(line => line + "\n"));

    private static void WriteSection(StringBuilder text, SortedDictionary<string, string> values)
    {
        if (values.TryGetValue("description", out var description))
        {
            foreach (var line in description.TrimEnd('\n').Split('\n'))
            {
                text.Append('#').Append(line).Append('\n');
            }
        }

        foreach (var (key, value) in values)
        {
            if (key != "description")
            {
                text.Append(key).Append(": ").Append(value).Append('\n');
            }
        }
    }
}
