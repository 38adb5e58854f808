namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>A fault rule in a scenario; <see cref="Kind"/> names a <c>FaultKind</c> in camelCase (<c>lockTimeout</c>).</summary>
internal sealed class ScenarioFault
{
    public string Kind { get; set; } = "";

    public string? Route { get; set; }

    public int? Vmid { get; set; }

    public double Probability { get; set; } = 1;

    public int? Times { get; set; }

    public int? Status { get; set; }

    public string? Message { get; set; }

    public string? Delay { get; set; }
}
