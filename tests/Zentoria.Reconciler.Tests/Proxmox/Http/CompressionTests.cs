using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Http;

/// <summary>gzip only where an answer grows with the cluster: what is asked for, and what the simulator sends back.</summary>
internal sealed class CompressionTests
{
    [Test]
    public async Task Only_a_listing_asks_for_gzip_one_containers_pending_changes_do_not()
    {
        var handler = new StubProxmoxHandler()
            .On("GET", "/cluster/resources", () => StubResponses.Data("[]"))
            .On("GET", "/nodes/pve/lxc/101/pending", () => StubResponses.Data("[]"));
        using var client = TestClients.Create(handler);

        await client.Cluster.GetContainersAsync(CancellationToken.None);
        await client.Config.GetPendingAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None);

        Assert.That(handler.Requests.Select(r => (r.Path, r.Header("Accept-Encoding"))),
            Is.EqualTo(new[] { ("/cluster/resources", "gzip"), ("/nodes/pve/lxc/101/pending", (string?)null) }));
    }

    [Test]
    public async Task The_cluster_resources_arrive_gzipped_from_the_simulator_and_read_as_every_container()
    {
        await using var simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Port = 0 }, CancellationToken.None);
        SandboxSeed.Apply(simulator.Cluster, DesiredStateLoader.Load(Path.Join(RepositoryRoot.Path, "desired-state"), "sandbox").Desired!);
        using var recording = new EncodingRecorder(new SocketsHttpHandler { UseProxy = false });
        using var client = ProxmoxClient.Create(new ProxmoxClientOptions { BaseUrl = simulator.BaseUrl, ApiToken = simulator.Token }, recording);

        var resources = await client.Cluster.GetContainersAsync(CancellationToken.None);
        var pending = await client.Config.GetPendingAsync(new NodeName("pve"), resources[0].VmId!.Value, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(resources.Select(r => r.VmId!.Value.Value), Is.EquivalentTo(simulator.Cluster.Containers().Select(c => c.VmId)));
            Assert.That(pending, Is.Not.Empty);
            Assert.That(recording.Encodings, Is.EqualTo(new[] { "gzip", "" }), "the listing came compressed, one container's answer plain");
        });
    }

    /// <summary>Notes each response's Content-Encoding as it came off the wire.</summary>
    private sealed class EncodingRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public List<string> Encodings { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Encodings.Add(string.Join(',', response.Content.Headers.ContentEncoding));
            return response;
        }
    }
}
