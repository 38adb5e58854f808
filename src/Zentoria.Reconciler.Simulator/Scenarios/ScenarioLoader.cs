using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>
/// Reads a scenario file. YAML and JSON both work (JSON is read as YAML flow style). Example:
/// <code>
/// pveVersion: "9.1"
/// taskDuration: 2s
/// nodes: [{ name: pve }, { name: pve2 }]
/// containers:
///   - { vmid: 441, node: pve, hostname: zentoria-backend, status: running, cores: 4, memory: 4096,
///       swap: 512, diskGiB: 16, net0: "name=eth0,bridge=vmbr0,ip=192.0.2.241/24", tags: [zentoria, backend] }
/// faults:
///   - { kind: lockTimeout, route: "PUT /nodes/{node}/lxc/{vmid}/config", probability: 0.2 }
///   - { kind: latency, delay: 5ms }
/// </code>
/// Errors name the file, line and column in one line.
/// </summary>
internal static class ScenarioLoader
{
    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new ScenarioYamlContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static SimulatorScenario Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorConfigurationException($"{path}: cannot read the scenario file ({exception.Message})", exception);
        }

        return Parse(text, path);
    }

    public static SimulatorScenario Parse(string text, string source)
    {
        try
        {
            return Deserializer.Deserialize<SimulatorScenario?>(text) ?? new SimulatorScenario();
        }
        catch (YamlException exception)
        {
            var reason = (exception.InnerException?.Message ?? exception.Message).ReplaceLineEndings(" ");
            throw new SimulatorConfigurationException($"{source}:{exception.Start.Line}:{exception.Start.Column}: {reason}", exception);
        }
    }
}
