using System.Globalization;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>
/// One LXC container: its config file (current values, the <c>[pve:pending]</c> section, snapshot sections)
/// and its run state. Only touched under <see cref="SimulatedCluster.Gate"/>.
/// </summary>
internal sealed class SimulatedContainer
{
    public SimulatedContainer(int vmId, string node, SortedDictionary<string, string> config)
    {
        VmId = vmId;
        Node = node;
        Config = config;
    }

    public int VmId { get; }

    public string Node { get; set; }

    public SortedDictionary<string, string> Config { get; private set; }

    public SortedDictionary<string, string> Pending { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> PendingDeletes { get; } = new(StringComparer.Ordinal);

    public List<ContainerSnapshot> Snapshots { get; } = [];

    public bool Running { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public int Pid { get; private set; }

    public string? Lock
    {
        get => Config.GetValueOrDefault("lock");
        set
        {
            if (value is null)
            {
                Config.Remove("lock");
            }
            else
            {
                Config["lock"] = value;
            }
        }
    }

    public bool IsTemplate => Config.GetValueOrDefault("template") == "1";

    public string Name => Config.TryGetValue("hostname", out var host) ? string.Concat(host.Where(c => !char.IsWhiteSpace(c))) : $"CT{VmId}";

    public int Cores => Config.TryGetValue("cores", out var cores) ? int.Parse(cores, CultureInfo.InvariantCulture) : 1;

    public long MaxMemory => MebiBytes("memory", 512);

    public long MaxSwap => MebiBytes("swap", 512);

    public long MaxDisk =>
        Config.TryGetValue("rootfs", out var rootfs) && PropertyString.Parse(rootfs, allowLeading: true).Get("size") is { } size
        && DiskSize.TryParse(size, out var bytes) ? bytes : 4L << 30;

    public void Start(DateTimeOffset now, int pid)
    {
        ApplyPending();
        Running = true;
        StartedAt = now;
        Pid = pid;
    }

    public void Stop()
    {
        Running = false;
        StartedAt = null;
        Pid = 0;
    }

    public void ApplyPending()
    {
        foreach (var (key, value) in Pending)
        {
            Config[key] = value;
        }

        foreach (var key in PendingDeletes)
        {
            Config.Remove(key);
        }

        Pending.Clear();
        PendingDeletes.Clear();
    }

    /// <summary>Config with pending values merged in and pending deletes removed: what <c>GET config</c> shows by default.</summary>
    public SortedDictionary<string, string> MergedConfig()
    {
        var merged = new SortedDictionary<string, string>(Config, StringComparer.Ordinal);
        foreach (var (key, value) in Pending)
        {
            merged[key] = value;
        }

        foreach (var key in PendingDeletes)
        {
            merged.Remove(key);
        }

        return merged;
    }

    public void ReplaceConfig(SortedDictionary<string, string> config) => Config = config;

    public bool HasSnapshotCapableVolumes(Func<string, bool> storageSupportsSnapshots) =>
        Config.Where(p => ConfigSchema.IsMountPoint(p.Key))
            .All(p => PropertyString.Parse(p.Value, allowLeading: true).Leading is { } volume
                && volume.Contains(':', StringComparison.Ordinal)
                && storageSupportsSnapshots(volume[..volume.IndexOf(':', StringComparison.Ordinal)]));

    private long MebiBytes(string key, long fallback) =>
        (Config.TryGetValue(key, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : fallback) * 1024 * 1024;
}
