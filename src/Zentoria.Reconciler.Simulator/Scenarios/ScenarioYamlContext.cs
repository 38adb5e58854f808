using YamlDotNet.Serialization;

namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>The scenario types, read without reflection so the simulator runs inside the Native AOT operator too.</summary>
[YamlStaticContext]
[YamlSerializable(typeof(SimulatorScenario))]
[YamlSerializable(typeof(ScenarioNode))]
[YamlSerializable(typeof(ScenarioContainer))]
[YamlSerializable(typeof(ScenarioToken))]
[YamlSerializable(typeof(ScenarioFault))]
public partial class ScenarioYamlContext : StaticContext;
