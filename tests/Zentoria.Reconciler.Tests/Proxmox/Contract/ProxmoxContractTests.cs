using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

/// <summary>
/// Every client method and every error kind against a server: the simulator in both modes, and a real Proxmox
/// when one is configured. Cases that need fault injection or state seeding run on the simulator only.
/// </summary>
[TestFixtureSource(typeof(ContractTargets), nameof(ContractTargets.All))]
[Category("Contract")]
[CancelAfter(60_000)]
internal sealed partial class ProxmoxContractTests(string target)
{
    private ContractEnvironment environment = null!;

    private ProxmoxClient Client => environment.Client;

    private NodeName Node => environment.Node;

    [OneTimeSetUp]
    public async Task StartTarget()
    {
        environment = target switch
        {
            ContractTargets.Simulator91 => await ContractEnvironment.StartSimulatorAsync(PveVersion.V9_1),
            ContractTargets.Simulator81 => await ContractEnvironment.StartSimulatorAsync(PveVersion.V8_1),
            _ => ContractEnvironment.FromEnvironment()!,
        };
        if (environment is null)
        {
            Assert.Ignore(ContractEnvironment.RealServerMissing);
        }
    }

    [OneTimeTearDown]
    public async Task StopTarget()
    {
        if (environment is not null)
        {
            await environment.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
