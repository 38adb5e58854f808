namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>A container in a scenario; memory and swap in MiB as in a PVE config, the root disk in GiB.</summary>
internal sealed class ScenarioContainer
{
    public int Vmid { get; set; }

    public string Node { get; set; } = "pve";

    public string? Hostname { get; set; }

    /// <summary><c>running</c> or <c>stopped</c>.</summary>
    public string Status { get; set; } = "stopped";

    public int Cores { get; set; } = 1;

    public int Memory { get; set; } = 512;

    public int Swap { get; set; } = 512;

    public double DiskGiB { get; set; } = 4;

    public string Storage { get; set; } = "local-lvm";

    public string? Net0 { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Description { get; set; }

    public bool Onboot { get; set; }

    public bool Protection { get; set; }

    public string? Lock { get; set; }
}
