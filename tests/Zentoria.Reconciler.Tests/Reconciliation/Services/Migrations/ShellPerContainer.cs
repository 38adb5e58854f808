using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;

namespace Zentoria.Reconciler.Tests.Reconciliation.Services.Migrations;

/// <summary>Reaches every container through one real shell: the test's sshd on localhost stands for each guest.</summary>
internal sealed class ShellPerContainer(IGuestShell shell) : IGuestShellProvider
{
    public IGuestShell? ShellFor(ContainerSpec container) => shell;

    public ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service) =>
        container.Network.Address is { } address ? new ServiceEndpoint(address, service.Port) : null;
}
