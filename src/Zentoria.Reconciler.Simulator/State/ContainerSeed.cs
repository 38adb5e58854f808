namespace Zentoria.Reconciler.Simulator.State;

/// <summary>A container to put into the simulator before a test or sandbox starts (also what a scenario file lists).</summary>
internal sealed class ContainerSeed
{
    public required int VmId { get; init; }

    public string Node { get; init; } = "pve";

    public string? Hostname { get; init; }

    public bool Running { get; init; }

    public int Cores { get; init; } = 1;

    public int MemoryMiB { get; init; } = 512;

    public int SwapMiB { get; init; } = 512;

    /// <summary>Size of the root disk in GiB; fractions allowed.</summary>
    public double RootfsGiB { get; init; } = 4;

    public string RootfsStorage { get; init; } = "local-lvm";

    /// <summary>A <c>net0</c> property string; a missing <c>hwaddr</c> is generated.</summary>
    public string? Net0 { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Description { get; init; }

    public bool OnBoot { get; init; }

    public string OsType { get; init; } = "debian";

    public bool Unprivileged { get; init; } = true;

    public bool Protection { get; init; }

    public string? Lock { get; init; }
}
