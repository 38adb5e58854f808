namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class RequestStatisticsTests
{
    [Test]
    public async Task Requests_are_counted_in_total_and_per_route()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using (await sim.GetAsync("version"))
        using (await sim.GetAsync("version"))
        using (await sim.GetAsync("nodes/pve/lxc/100/config"))
        using (await sim.GetAsync("nope"))
        {
        }

        var requests = sim.Simulator.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests.Total, Is.EqualTo(4));
            Assert.That(requests.For("GET /version"), Is.EqualTo(2));
            Assert.That(requests.For("GET /nodes/{node}/lxc/{vmid}/config"), Is.EqualTo(1));
            Assert.That(requests.ByRoute["unmatched"], Is.EqualTo(1));
        });
    }
}
