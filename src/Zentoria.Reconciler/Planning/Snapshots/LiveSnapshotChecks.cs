using System.Globalization;

namespace Zentoria.Reconciler.Planning.Snapshots;

/// <summary>What JSON types cannot say about a snapshot: unique ids and names, and values in range.</summary>
internal static class LiveSnapshotChecks
{
    public static string? FirstProblem(LiveState state) =>
        Duplicate(state.Containers.Select(c => c.VmId.ToString()), "containers", "vmid")
        ?? Duplicate(state.Services.Select(s => s.Name.Value), "services", "name")
        ?? Duplicate(state.FlagSets.Select(f => f.Name), "flagSets", "name")
        ?? state.Containers.Select(Container).FirstOrDefault(p => p is not null)
        ?? state.FlagSets.Select(FlagSet).FirstOrDefault(p => p is not null);

    private static string? Container(LiveContainer c, int i)
    {
        string At(string field) => string.Create(CultureInfo.InvariantCulture, $"$.containers[{i}].{field}");
        return c.Cores < 0 ? $"{At("cores")}: must not be negative"
            : c.MemoryMiB < 0 ? $"{At("memoryMiB")}: must not be negative"
            : c.SwapMiB < 0 ? $"{At("swapMiB")}: must not be negative"
            : c.DiskGiB < 0 ? $"{At("diskGiB")}: must not be negative"
            : null;
    }

    private static string? FlagSet(LiveFlagSet set, int i)
    {
        var bad = set.Flags.Select((f, j) => (f, j)).FirstOrDefault(x => x.f.Rollout is < 0 or > 100);
        return bad.f is null ? null : string.Create(CultureInfo.InvariantCulture, $"$.flagSets[{i}].flags[{bad.j}].rollout: must be 0 to 100, found {bad.f.Rollout}");
    }

    private static string? Duplicate(IEnumerable<string> keys, string list, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var key in keys)
        {
            if (!seen.Add(key))
            {
                return string.Create(CultureInfo.InvariantCulture, $"$.{list}[{index}].{field}: duplicate {field} {key}");
            }

            index++;
        }

        return null;
    }
}
