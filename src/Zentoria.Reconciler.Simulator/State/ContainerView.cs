namespace Zentoria.Reconciler.Simulator.State;

/// <summary>A read-only copy of a container's state for tests and the sandbox.</summary>
internal sealed record ContainerView(
    int VmId,
    string Node,
    bool Running,
    string? Lock,
    IReadOnlyDictionary<string, string> Config,
    IReadOnlyDictionary<string, string> Pending,
    IReadOnlySet<string> PendingDeletes,
    IReadOnlyList<string> Snapshots,
    string Digest)
{
    public string Status => Running ? "running" : "stopped";
}
