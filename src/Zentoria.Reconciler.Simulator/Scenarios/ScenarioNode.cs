namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>A node; it gets the storages <c>local</c> and <c>local-lvm</c> and the Debian 12 template.</summary>
internal sealed class ScenarioNode
{
    public string Name { get; set; } = "";

    public bool Online { get; set; } = true;
}
