namespace Zentoria.Reconciler.Simulator.State;

/// <summary>A cluster node: its storages, templates and whether it answers (an offline node makes forwarded calls fail with 595).</summary>
internal sealed class SimulatedNode
{
    public SimulatedNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public bool Online { get; set; } = true;

    public Dictionary<string, SimulatedStorage> Storages { get; } = new(StringComparer.Ordinal);

    /// <summary>Template volume ids such as <c>local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst</c>.</summary>
    public HashSet<string> Templates { get; } = new(StringComparer.Ordinal);

    public int MaxCpu { get; init; } = 16;

    public long MaxMemory { get; init; } = 64L << 30;
}
