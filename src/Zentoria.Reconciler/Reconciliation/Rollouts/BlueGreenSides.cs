using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The two sides of one blue/green release, and the proxy whose upstream chooses between them.</summary>
/// <param name="Original">The deployment on the service's own container.</param>
/// <param name="Temporary">The same deployment aimed at the temporary clone: its VMID, address and shell.</param>
internal sealed record BlueGreenSides(ServiceDeployment Original, ServiceDeployment Temporary, UpstreamTarget Target, IGuestShell Proxy, ContainerSpec ProxyContainer)
{
    public const string CloneSuffix = "-clone";

    public VmId CloneVmId => Temporary.Container.VmId;

    /// <summary>The clone's container as the desired model would describe it: the original's, with the strategy's VMID and address.</summary>
    public static ContainerSpec CloneOf(ContainerSpec original, StrategySpec strategy) => original with
    {
        Name = new ContainerName(original.Name.Value + CloneSuffix),
        VmId = strategy.CloneVmId!.Value,
        Hostname = original.Hostname + CloneSuffix,
        Network = original.Network with { Ip = strategy.CloneIp ?? "dhcp" },
    };

    /// <summary>The sides, or why a blue/green release cannot run for this service (terminal: the desired state must change).</summary>
    public static (BlueGreenSides? Sides, string? Problem) Of(ServiceDeployment deployment, Desired desired, ServiceProbe probe)
    {
        var strategy = deployment.Spec.Strategy;
        if (strategy.CloneVmId is null)
        {
            return (null, "strategy.cloneVmid is not set");
        }

        if (UpstreamTarget.For(desired, deployment.Spec) is not { } target || desired.FindContainer(target.ProxyContainer) is not { } proxyContainer)
        {
            return (null, "the service has no route through a proxy in the desired state");
        }

        var cloneContainer = CloneOf(deployment.Container, strategy);
        if (probe.ShellFor(proxyContainer) is not { } proxyShell || probe.ShellFor(cloneContainer) is not { } cloneShell)
        {
            return (null, $"no guest shell reaches {proxyContainer.Name.Value} or {cloneContainer.Name.Value}");
        }

        var clone = deployment with { Container = cloneContainer, Shell = cloneShell };
        return (new BlueGreenSides(deployment, clone, target, proxyShell, proxyContainer), null);
    }
}
