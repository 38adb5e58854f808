using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator.Hosting;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Http;

internal sealed class ConnectionPoolTests
{
    [Test]
    public void The_client_drops_an_idle_connection_before_pveproxy_would_close_it()
    {
        var validated = ProxmoxClientOptionsValidation.Validate(TestClients.Options(_ => { }));
        using var handler = ProxmoxClient.CreateHandler(validated, new ServerCertificateValidator(null, false));

        Assert.That(handler.PooledConnectionIdleTimeout, Is.LessThan(SimulatorHost.IdleTimeout));
    }
}
