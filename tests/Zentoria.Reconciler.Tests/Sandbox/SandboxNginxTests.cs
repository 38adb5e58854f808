using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Sandbox;

namespace Zentoria.Reconciler.Tests.Sandbox;

/// <summary>The sandbox's simulated NGINX honours the operator's upstream files: written, tested, reloaded, refused when broken.</summary>
internal sealed class SandboxNginxTests
{
    private const string File = "/etc/nginx/zentoria/backend.conf";

    [Test]
    public async Task The_operator_writes_an_upstream_file_into_the_simulated_nginx_and_it_routes_as_written()
    {
        var (shell, target) = Proxy();
        var routing = UpstreamRouting.All("backend", UpstreamPool.Canary, new UpstreamEndpoint("127.0.2.211", 3000));

        var written = await new UpstreamWriter(NullLogger<UpstreamWriter>.Instance).WriteAsync(shell, target, routing, reloadIfUnchanged: false, CancellationToken.None);
        var live = await UpstreamReader.ReadAsync(shell, File, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(written.Outcome, Is.EqualTo(UpstreamWriteOutcome.Written), written.Message);
            Assert.That(live.Routing, Is.EqualTo(routing));
            Assert.That(shell.Commands.Select(c => c.ToString()), Has.Some.Contains("reload"));
        });
    }

    [Test]
    public async Task The_simulated_nginx_test_fails_on_an_owned_file_that_does_not_parse()
    {
        var (shell, _) = Proxy();
        shell.Seed(File, Encoding.UTF8.GetBytes("# zentoria-reconciler: managed upstream. Edits are drift: the operator writes this file back.\nupstream backend {\n    server ;;; weight=x;\n"));

        var ran = await shell.RunAsync(new GuestCommand(["nginx", "-t"]), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ran.Value!.ExitCode, Is.EqualTo(1));
            Assert.That(ran.Value!.Stderr, Does.Contain("[emerg]"));
        });
    }

    [Test]
    public void The_simulated_nginx_shares_requests_by_weight_with_smooth_round_robin()
    {
        var upstream = new SandboxUpstream([new UpstreamServer(UpstreamPool.Stable, new UpstreamEndpoint("127.0.2.241", 3000), 95), new UpstreamServer(UpstreamPool.Canary, new UpstreamEndpoint("127.0.2.211", 3000), 5)]);

        var picks = Enumerable.Range(0, 2000).Select(_ => upstream.Next()!.Pool).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(picks.Count(p => p == UpstreamPool.Canary), Is.EqualTo(100));
            Assert.That(picks.Take(20).Count(p => p == UpstreamPool.Canary), Is.EqualTo(1), "interleaved, not in a burst");
        });
    }

    [Test]
    public void The_simulated_nginx_routes_by_the_files_it_loaded_at_the_last_reload()
    {
        var (shell, _) = Proxy();
        var router = new SandboxNginxRouter(shell, [("backend", File)], TimeProvider.System);
        var first = UpstreamFile.Render(UpstreamRouting.All("backend", UpstreamPool.Stable, new UpstreamEndpoint("127.0.2.241", 3000)), new ServiceName("mcp-gateway")).Content!;
        var second = UpstreamFile.Render(UpstreamRouting.All("backend", UpstreamPool.Canary, new UpstreamEndpoint("127.0.2.211", 3000)), new ServiceName("mcp-gateway")).Content!;
        shell.Seed(File, first);

        var atStart = router.Loaded["backend"].Next();
        shell.Seed(File, second);
        var beforeReload = router.Loaded["backend"].Next();
        router.Reload();
        var afterReload = router.Loaded["backend"].Next();

        Assert.Multiple(() =>
        {
            Assert.That(atStart!.Pool, Is.EqualTo(UpstreamPool.Stable));
            Assert.That(beforeReload!.Pool, Is.EqualTo(UpstreamPool.Stable), "a written file routes only once NGINX reloads");
            Assert.That(afterReload!.Pool, Is.EqualTo(UpstreamPool.Canary));
        });
    }

    private static (SimulatedGuestShell Shell, UpstreamTarget Target) Proxy()
    {
        var shell = new SimulatedGuestShell("nginx", TimeProvider.System);
        SandboxNginx.Teach(shell, [File]);
        var nginx = NginxSpec.Default;
        var target = new UpstreamTarget(new ServiceName("mcp-gateway"), "backend", new ServiceName("nginx"), new ContainerName("nginx"), File, nginx);
        return (shell, target);
    }
}
