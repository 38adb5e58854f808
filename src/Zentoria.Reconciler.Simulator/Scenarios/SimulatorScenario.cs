namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>
/// A scenario file (YAML, or JSON which YAML reads too): nodes, containers, extra tokens and faults to start
/// with. Durations are text such as <c>5ms</c>, <c>2s</c>, <c>1m</c>. See <c>ScenarioLoader</c> for an example.
/// </summary>
internal sealed class SimulatorScenario
{
    /// <summary><c>8.1</c> or <c>9.1</c>; a command-line flag wins.</summary>
    public string? PveVersion { get; set; }

    public string? TaskDuration { get; set; }

    public string? Latency { get; set; }

    public List<ScenarioNode> Nodes { get; set; } = [];

    public List<ScenarioContainer> Containers { get; set; } = [];

    public List<ScenarioToken> Tokens { get; set; } = [];

    public List<ScenarioFault> Faults { get; set; } = [];
}
