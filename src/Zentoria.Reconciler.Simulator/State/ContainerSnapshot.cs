namespace Zentoria.Reconciler.Simulator.State;

/// <summary>A snapshot section of a container's config file.</summary>
internal sealed class ContainerSnapshot
{
    public ContainerSnapshot(string name, string description, long snapTime, string? parent, SortedDictionary<string, string> config)
    {
        Name = name;
        Description = description;
        SnapTime = snapTime;
        Parent = parent;
        Config = config;
    }

    public string Name { get; }

    public string Description { get; set; }

    public long SnapTime { get; }

    public string? Parent { get; set; }

    public SortedDictionary<string, string> Config { get; }

    /// <summary><c>prepare</c> or <c>delete</c> while the snapshot task runs.</summary>
    public string? SnapState { get; set; }
}
