using Zentoria.Reconciler.Simulator.Hosting;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Http;

internal sealed class ConnectionPoolTests
{
    [Test]
    public void The_client_drops_an_idle_connection_before_pveproxy_would_close_it()
    {
        using var handler = TestClients.Handler();

        Assert.That(handler.PooledConnectionIdleTimeout, Is.LessThan(SimulatorHost.IdleTimeout));
    }
}
