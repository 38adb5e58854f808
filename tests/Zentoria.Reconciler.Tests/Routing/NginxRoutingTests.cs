using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Tests.Guests.Ssh;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Routing;

/// <summary>
/// The operator's upstream file on a real NGINX, in front of real backend processes on the containers' loopback
/// addresses, written, checked and reloaded over a real sshd (SFTP and exec): traffic goes where the file says.
/// </summary>
[Category("Integration")]
[SupportedOSPlatform("linux")]
internal sealed class NginxRoutingTests
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(20);
    private static readonly ServiceName Service = new("mcp-gateway");

    private RealSshd sshd = null!;
    private SshHarness ssh = null!;
    private BackendProcess blue = null!;
    private BackendProcess green = null!;
    private RealNginx nginx = null!;
    private TrafficClient traffic = null!;
    private UpstreamTarget target = null!;
    private readonly UpstreamWriter writer = new(NullLogger<UpstreamWriter>.Instance);

    private string File => target.File;

    [OneTimeSetUp]
    public async Task StartEverything()
    {
        blue = await BackendProcess.StartAsync("blue", "v1.4.1", "127.0.2.241");
        green = await BackendProcess.StartAsync("green", "v1.4.2", "127.0.2.211");
        nginx = RealNginx.Start([("backend.conf", UpstreamFile.Render(AllBlue(), Service).Content!)]);
        sshd = RealSshd.Start();
        ssh = new SshHarness(sshd);
        traffic = new TrafficClient(nginx.BaseAddress);
        target = new UpstreamTarget(Service, RealNginx.Upstream, new ServiceName("nginx"), new ContainerName("nginx"),
            nginx.Spec.FileFor(new RouteSpec(new ServiceName("nginx"), RealNginx.Upstream)), nginx.Spec);
    }

    [OneTimeTearDown]
    public void StopEverything()
    {
        traffic?.Dispose();
        ssh?.Dispose();
        sshd?.Dispose();
        nginx?.Dispose();
        green?.Dispose();
        blue?.Dispose();
    }

    [SetUp]
    public async Task RouteEverythingToBlue()
    {
        foreach (var stray in Directory.GetFiles(nginx.UpstreamDir).Where(f => f != File))
        {
            System.IO.File.Delete(stray);
        }

        await WriteAndWaitAsync(AllBlue(), reloadIfUnchanged: true);
    }

    [Test]
    public async Task A_written_upstream_is_checked_and_reloaded_and_all_traffic_goes_where_it_says()
    {
        var result = await WriteAndWaitAsync(UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Canary, green.Endpoint));

        var count = await traffic.SendAsync(400);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Written), result.Message);
        Assert.That(System.IO.File.ReadAllText(File), Does.StartWith(UpstreamFile.Marker));
        Assert.That(count.Answers, Is.EqualTo(new Dictionary<string, int> { [green.Answer] = 400 }), count.ToString());
        Assert.That(count.Failures, Is.Zero);
    }

    [TestCase(5)]
    [TestCase(25)]
    public async Task A_weighted_upstream_splits_2000_requests_within_two_points_of_its_weights(int canaryPercent)
    {
        var routing = UpstreamRouting.Split(RealNginx.Upstream, blue.Endpoint, green.Endpoint, canaryPercent);

        var result = await WriteAndWaitAsync(routing);
        var count = await traffic.SendAsync(2000);
        TestContext.Out.WriteLine($"{canaryPercent} % canary: {count}");

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Written), result.Message);
        Assert.That(count.Failures, Is.Zero, count.ToString());
        Assert.That(count.Answers.Keys, Is.EquivalentTo(new[] { blue.Answer, green.Answer }));
        Assert.That(count.PercentOf(green.Answer), Is.EqualTo(canaryPercent).Within(2.0), count.ToString());
        Assert.That(count.PercentOf(blue.Answer), Is.EqualTo(100 - canaryPercent).Within(2.0), count.ToString());
        Assert.That((await ReadBackAsync()).Routing, Is.EqualTo(routing));
    }

    [Test]
    public async Task A_configuration_nginx_refuses_puts_the_previous_file_back_and_traffic_stays_where_it_was()
    {
        await WriteAndWaitAsync(UpstreamRouting.Split(RealNginx.Upstream, blue.Endpoint, green.Endpoint, 25));
        var before = System.IO.File.ReadAllBytes(File);
        var workers = nginx.Workers();

        // Someone else's broken file in the included folder makes every configuration test fail.
        System.IO.File.WriteAllText(Path.Combine(nginx.UpstreamDir, "zz-hand-made.conf"), "upstream broken { server 127.0.2.9:80 weight=abc; }\n");
        var result = await writer.WriteAsync(ssh.Shell, target, UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Canary, green.Endpoint), reloadIfUnchanged: false, CancellationToken.None);
        var count = await traffic.SendAsync(400);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Rejected), result.Message);
        Assert.That(result.Message, Does.Contain("invalid parameter \"weight=abc\""));
        Assert.That(result.TrafficUnchanged, Is.True);
        Assert.That(result.ToReconcileResult(), Is.TypeOf<TransientError>());
        Assert.That(System.IO.File.ReadAllBytes(File), Is.EqualTo(before));
        Assert.That(nginx.Workers(), Is.EquivalentTo(workers), "NGINX was reloaded");
        Assert.That(count.PercentOf(green.Answer), Is.EqualTo(25).Within(2.0), count.ToString());
    }

    [Test]
    public async Task A_rejected_new_file_is_removed_again()
    {
        var second = target with { Service = new ServiceName("frontend"), File = Path.Combine(nginx.UpstreamDir, "frontend.conf") };
        var workers = nginx.Workers();

        // The same upstream name twice is a duplicate NGINX refuses.
        var result = await writer.WriteAsync(ssh.Shell, second, UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Stable, green.Endpoint), reloadIfUnchanged: false, CancellationToken.None);
        var count = await traffic.SendAsync(200);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Rejected), result.Message);
        Assert.That(result.Message, Does.Contain("duplicate upstream \"backend\""));
        Assert.That(System.IO.File.Exists(second.File), Is.False);
        Assert.That(nginx.Workers(), Is.EquivalentTo(workers), "NGINX was reloaded");
        Assert.That(count.Answers, Is.EqualTo(new Dictionary<string, int> { [blue.Answer] = 200 }), count.ToString());
    }

    [Test]
    public async Task A_failed_reload_puts_the_previous_file_back()
    {
        var before = System.IO.File.ReadAllBytes(File);
        var failingReload = target with
        {
            Nginx = nginx.Spec with { Reload = new CommandTemplate(["/bin/sh", "-c", "echo 'nginx: [alert] kill(4242, 1) failed (3: No such process)' >&2; exit 1"]) },
        };

        var result = await writer.WriteAsync(ssh.Shell, failingReload, UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Canary, green.Endpoint), reloadIfUnchanged: false, CancellationToken.None);
        var count = await traffic.SendAsync(200);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.ReloadFailed), result.Message);
        Assert.That(result.Message, Does.Contain("kill(4242, 1) failed"));
        Assert.That(System.IO.File.ReadAllBytes(File), Is.EqualTo(before));
        Assert.That(count.Answers, Is.EqualTo(new Dictionary<string, int> { [blue.Answer] = 200 }), count.ToString());
    }

    [Test]
    public async Task A_file_without_the_marker_is_refused_and_left_exactly_as_it_was()
    {
        var handMade = Encoding.UTF8.GetBytes($"upstream backend {{ server {blue.Endpoint}; }}\n");
        System.IO.File.WriteAllBytes(File, handMade);
        var workers = nginx.Workers();

        var result = await writer.WriteAsync(ssh.Shell, target, UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Canary, green.Endpoint), reloadIfUnchanged: true, CancellationToken.None);
        var live = await ReadBackAsync();
        System.IO.File.WriteAllBytes(File, UpstreamFile.Render(AllBlue(), Service).Content!);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.NotOwned));
        Assert.That(result.Message, Does.Contain(File).And.Contain(UpstreamFile.Marker));
        Assert.That(result.ToReconcileResult(), Is.TypeOf<TerminalError>());
        Assert.That(live.State, Is.EqualTo(UpstreamFileState.NotOwned));
        Assert.That(nginx.Workers(), Is.EquivalentTo(workers), "NGINX was reloaded");
        Assert.That((await traffic.SendAsync(100)).Answers, Is.EqualTo(new Dictionary<string, int> { [blue.Answer] = 100 }));
    }

    [Test]
    public async Task A_hand_edit_reads_back_as_drift_and_the_next_write_corrects_it()
    {
        var desired = UpstreamRouting.Split(RealNginx.Upstream, blue.Endpoint, green.Endpoint, 25);
        await WriteAndWaitAsync(desired);
        System.IO.File.WriteAllText(File, System.IO.File.ReadAllText(File).Replace("weight=25;", "weight=75;", StringComparison.Ordinal));

        var edited = await ReadBackAsync();
        var corrected = await WriteAndWaitAsync(desired);
        var afterwards = await ReadBackAsync();

        Assert.That(edited.State, Is.EqualTo(UpstreamFileState.Owned));
        Assert.That(edited.Routing!.PercentOf(UpstreamPool.Canary), Is.EqualTo(50));
        Assert.That(edited.DriftFrom(desired), Does.Contain("canary 127.0.2.211").And.Contain("50 %"));
        Assert.That(corrected.Outcome, Is.EqualTo(UpstreamWriteOutcome.Written), corrected.Message);
        Assert.That(afterwards.DriftFrom(desired), Is.Null);
    }

    [Test]
    public async Task A_hand_edit_outside_the_format_reads_back_as_unreadable_drift()
    {
        System.IO.File.AppendAllText(File, "upstream other { server 127.0.2.9:80; }\n");

        var live = await ReadBackAsync();

        Assert.That(live.State, Is.EqualTo(UpstreamFileState.Unreadable));
        Assert.That(live.DriftFrom(AllBlue()), Does.Contain("follows the upstream block"));
    }

    [Test]
    public async Task Writing_the_same_routing_again_touches_nothing()
    {
        var workers = nginx.Workers();
        var modified = System.IO.File.GetLastWriteTimeUtc(File);

        var result = await writer.WriteAsync(ssh.Shell, target, AllBlue(), reloadIfUnchanged: false, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Unchanged));
        Assert.That(System.IO.File.GetLastWriteTimeUtc(File), Is.EqualTo(modified));
        Assert.That(nginx.Workers(), Is.EquivalentTo(workers));
    }

    private UpstreamRouting AllBlue() => UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Stable, blue.Endpoint);

    private Task<LiveUpstream> ReadBackAsync() => UpstreamReader.ReadAsync(ssh.Shell, File, CancellationToken.None);

    private async Task<UpstreamWriteResult> WriteAndWaitAsync(UpstreamRouting routing, bool reloadIfUnchanged = false)
    {
        var workers = nginx.Workers();
        var result = await writer.WriteAsync(ssh.Shell, target, routing, reloadIfUnchanged, CancellationToken.None);
        Assert.That(result.Succeeded, Is.True, $"{result.Message} {result.Output} {nginx.ErrorLog()}");
        if (result.Outcome == UpstreamWriteOutcome.Written || reloadIfUnchanged)
        {
            await nginx.WaitForReloadAsync(workers, ReloadTimeout);
        }

        return result;
    }
}
