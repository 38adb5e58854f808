using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.Observability;
using static Zentoria.Reconciler.Tests.Operator.ServiceStack;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// Blue/green releases of the backend (mcp-gateway, CT 441, clone CT 411 at 127.0.2.211) through the real operator
/// host against the simulator, with simulated guests that answer only while their container runs and a clone guest
/// that answers at the clone's address.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed partial class BlueGreenOperatorTests
{
    private const string Gateway = "mcp-gateway";
    private const string Backend = "backend";
    private const string UpstreamFilePath = "/etc/nginx/zentoria/backend.conf";
    private const int CloneVmId = 411;

    /// <summary>The blue/green actions of a release, in order, from a stack whose upstream starts on the original.</summary>
    private static readonly string[] Release =
    [
        BlueGreenDeploy.CloneAction, BlueGreenDeploy.StartCloneAction, BlueGreenDeploy.DeployCloneAction, BlueGreenDeploy.SwitchAction,
        "deploy", BlueGreenDeploy.SwitchAction, BlueGreenDeploy.DestroyCloneAction,
    ];

    [Test]
    public async Task A_release_goes_through_the_clone_and_ends_on_the_original_with_the_clone_destroyed()
    {
        await using var stack = await StartAsync();
        var start = Upstream(stack);

        await stack.PassAsync();
        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        var metrics = await Metrics(stack);
        var served = await ThroughNginx(stack);
        Assert.Multiple(() =>
        {
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(stack.Operator.Simulator.Cluster.FindContainer(CloneVmId), Is.Null, "the clone is destroyed");
            Assert.That(stack.Guests.Service(Gateway)!.Version, Is.EqualTo(Wanted));
            Assert.That(stack.Guests.CloneOf(Gateway)!.Version, Is.EqualTo(Wanted), "the clone ran the release before it went");
            Assert.That(stack.DeployedVersions("backend-clone"), Is.EqualTo(new[] { Wanted }));
            Assert.That(stack.DeployedVersions(Backend), Is.EqualTo(new[] { Wanted }));
            Assert.That(Upstream(stack), Is.EqualTo(start), "traffic is back on the original");
            Assert.That(BlueGreenActions(stack), Is.EqualTo(Release));
            Assert.That(stack.Audit(Gateway).Where(a => a.GetProperty("action").GetString() == BlueGreenDeploy.SwitchAction).Select(a => a.GetProperty("after").GetString()),
                Is.EqualTo(new[] { $"backend: canary {Clone(stack)} 100 %", $"backend: stable {Original(stack)} 100 %" }));
            Assert.That(metrics, Does.Contain("zentoria_rollouts_total{service=\"mcp-gateway\",strategy=\"BlueGreen\",result=\"promoted\"} 1"));
            Assert.That(Notifications(stack, NotificationKind.RolloutPromoted), Has.Count.EqualTo(1));
            Assert.That(Notifications(stack, NotificationKind.RolloutStarted), Has.Count.EqualTo(1));
            Assert.That(unit.Rollout, Is.Not.Null);
            Assert.That((unit.Rollout!.Strategy, unit.Rollout.Phase, unit.Rollout.Version, unit.Rollout.StableWeight), Is.EqualTo(("BlueGreen", "Succeeded", Wanted, 100)));
            Assert.That(stack.Operator.Host.Services.GetRequiredService<Journal>().Pending(), Is.Empty);
            Assert.That(served, Is.EqualTo((Wanted, Original(stack))));
        });
    }

    [Test]
    public async Task A_hand_edit_of_an_owned_upstream_file_outside_a_release_is_drift_and_is_written_back()
    {
        await using var stack = await StartAsync();
        await stack.PassAsync();
        await stack.PassAsync();
        var released = Upstream(stack);
        var edited = UpstreamRouting.Split(Backend, Endpoint(Original(stack)), new UpstreamEndpoint("127.0.2.99", 3000), 50);
        stack.Guests.Shell("nginx").Seed(UpstreamFilePath, UpstreamFile.Render(edited, new ServiceName(Gateway)).Content);

        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        Assert.Multiple(() =>
        {
            Assert.That(Upstream(stack), Is.EqualTo(released), "the file routes to the original again");
            Assert.That(stack.Audit(Gateway)[^1].GetProperty("action").GetString(), Is.EqualTo(Zentoria.Reconciler.Reconciliation.Services.RouteKeeper.RouteAction));
            Assert.That(stack.Audit(Gateway)[^1].GetProperty("before").GetString(), Does.Contain("127.0.2.99:3000 50 %"));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
        });
    }

    [Test]
    public async Task In_warn_mode_a_hand_edited_upstream_file_is_reported_and_left_as_it_is()
    {
        await using var stack = await StartAsync(edit: op => op.Edit(ServiceStack.StackFile, "metadata: { name: mcp-gateway }\nspec:\n", "metadata: { name: mcp-gateway }\nspec:\n  drift: { mode: warn }\n"));
        await stack.PassAsync();
        await stack.PassAsync();
        var edited = UpstreamRouting.Split(Backend, Endpoint(Original(stack)), new UpstreamEndpoint("127.0.2.99", 3000), 50);
        stack.Guests.Shell("nginx").Seed(UpstreamFilePath, UpstreamFile.Render(edited, new ServiceName(Gateway)).Content);

        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        Assert.Multiple(() =>
        {
            Assert.That(Upstream(stack), Is.EqualTo(edited));
            Assert.That(stack.Audit(Gateway).Select(a => a.GetProperty("action").GetString()), Does.Not.Contain(Zentoria.Reconciler.Reconciliation.Services.RouteKeeper.RouteAction));
            Assert.That(unit.Sync, Is.EqualTo(SyncStatus.OutOfSync), unit.Message);
        });
    }

    [Test]
    public async Task The_sandbox_nginx_sends_requests_to_the_side_the_upstream_file_names_once_reloaded()
    {
        await using var stack = await StartAsync();
        var nginx = stack.Guests.Shell("nginx");

        var before = await ThroughNginx(stack);
        await stack.PassAsync();
        var after = await ThroughNginx(stack);

        Assert.Multiple(() =>
        {
            Assert.That((before.Version, before.Server), Is.EqualTo((Previous, Original(stack))));
            Assert.That((after.Version, after.Server), Is.EqualTo((Wanted, Original(stack))));
            Assert.That(nginx.Commands.Count(c => c.Arguments is ["nginx", "-s", "reload"]), Is.EqualTo(2), "one reload per switch");
        });
    }

    [Test]
    public async Task A_release_that_is_unhealthy_on_the_clone_is_withdrawn_before_traffic_moves_and_the_version_is_remembered()
    {
        await using var stack = await StartAsync(prepare: guests => guests.Service(Gateway)!.MarkBroken(Wanted));
        var start = Upstream(stack);

        await stack.PassAsync();
        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        var metrics = await Metrics(stack);
        Assert.Multiple(() =>
        {
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Degraded)), unit.Message);
            Assert.That(unit.Message, Does.Contain("Blue/green").And.Contain(Wanted));
            Assert.That(stack.Operator.Simulator.Cluster.FindContainer(CloneVmId), Is.Null, "the clone is destroyed");
            Assert.That(stack.Guests.Service(Gateway)!.Version, Is.EqualTo(Previous));
            Assert.That(stack.DeployedVersions(Backend), Is.Empty, "the original was never touched");
            Assert.That(Upstream(stack), Is.EqualTo(start));
            Assert.That(stack.Audit(Gateway).Select(a => a.GetProperty("action").GetString()), Has.None.EqualTo(BlueGreenDeploy.SwitchAction), "traffic never moved");
            Assert.That(stack.Failures.Find(Gateway, Wanted, stack.Operator.Desired.Revision), Is.Not.Null);
            Assert.That(metrics, Does.Contain("zentoria_rollouts_total{service=\"mcp-gateway\",strategy=\"BlueGreen\",result=\"rolled_back\"} 1"));
            Assert.That(metrics, Does.Contain("zentoria_rollbacks_total{service=\"mcp-gateway\",reason=\"health\"} 1"), "installed, then unhealthy");
            Assert.That(Notifications(stack, NotificationKind.RolloutRolledBack), Has.Count.EqualTo(1));
            Assert.That(unit.Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Failed)));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    public async Task An_operator_rebuilt_after_any_step_of_a_release_completes_it_with_no_orphaned_clone(int steps)
    {
        await using var stack = await StartAsync();

        await InterruptedAfterAsync(stack, steps);
        var taken = BlueGreenActions(stack);
        var interrupted = await ServingSideAsync(stack);
        await stack.Operator.RestartAsync();
        await stack.PassAsync();
        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        var end = await ServingSideAsync(stack);
        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.EqualTo(Release.Take(steps)), "the first operator stopped after that many steps");
            Assert.That(BlueGreenActions(stack).Skip(steps), Is.EqualTo(Release.Skip(steps)), "the rebuilt one took the rest, each once");
            Assert.That(interrupted.Healthy, Is.True, $"after {steps} steps the upstream names {interrupted.Server}, which does not serve");
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(stack.Operator.Simulator.Cluster.FindContainer(CloneVmId), Is.Null, "no orphaned clone");
            Assert.That(stack.Guests.Service(Gateway)!.Version, Is.EqualTo(Wanted));
            Assert.That(Upstream(stack)!.Servers.Single(), Is.EqualTo(new UpstreamServer(UpstreamPool.Stable, Endpoint(Original(stack)), 100)));
            Assert.That(BlueGreenActions(stack).Count(a => a == BlueGreenDeploy.CloneAction), Is.EqualTo(1), "one clone only");
            Assert.That(end.Healthy, Is.True);
            Assert.That(stack.Operator.Host.Services.GetRequiredService<Journal>().Pending(), Is.Empty);
        });
    }

    [Test]
    public async Task A_release_past_its_progress_deadline_after_a_restart_is_rolled_back_with_reason_deadline()
    {
        await using var stack = await StartAsync();
        await InterruptedAfterAsync(stack, 3);

        // The journaled start, as if the 10 minutes had passed while the operator was down.
        var journal = stack.Operator.Host.Services.GetRequiredService<Journal>();
        var unit = new UnitKey(UnitKind.Service, Gateway);
        var started = DateTimeOffset.UtcNow.AddMinutes(-11).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        journal.Intend(unit, ReleaseClock.Step, stack.Operator.Desired.Revision, new Dictionary<string, string> { [ReleaseClock.TargetFact] = Wanted, [ReleaseClock.StartedFact] = started });
        await stack.Operator.RestartAsync();
        await stack.PassAsync();

        var status = stack.Operator.Service(Gateway);
        var metrics = await Metrics(stack);
        Assert.Multiple(() =>
        {
            Assert.That(status.Health, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(status.Message, Does.Contain("did not finish within 00:10:00"));
            Assert.That(stack.Operator.Simulator.Cluster.FindContainer(CloneVmId), Is.Null);
            Assert.That(stack.Guests.Service(Gateway)!.Version, Is.EqualTo(Previous));
            Assert.That(stack.Audit(Gateway).Select(a => a.GetProperty("action").GetString()), Has.None.EqualTo(BlueGreenDeploy.SwitchAction));
            Assert.That(metrics, Does.Contain("zentoria_rollbacks_total{service=\"mcp-gateway\",reason=\"deadline\"} 1"));
            Assert.That(stack.Failures.Find(Gateway, Wanted, stack.Operator.Desired.Revision), Is.Not.Null);
        });
    }

    [Test]
    public async Task An_abort_while_traffic_is_on_the_clone_switches_back_destroys_the_clone_and_is_taken()
    {
        await using var stack = await StartAsync();
        await InterruptedAfterAsync(stack, 4);
        var requests = stack.Operator.Host.Services.GetRequiredService<RolloutRequests>();

        requests.Request(new RolloutRequest(Gateway, RolloutRequestKind.Abort, "test", DateTimeOffset.UtcNow));
        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        var metrics = await Metrics(stack);
        Assert.Multiple(() =>
        {
            Assert.That(unit.Health, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(unit.Message, Does.Contain("aborted by request"));
            Assert.That(stack.Operator.Simulator.Cluster.FindContainer(CloneVmId), Is.Null);
            Assert.That(stack.Guests.Service(Gateway)!.Version, Is.EqualTo(Previous));
            Assert.That(Upstream(stack)!.Servers.Single().Pool, Is.EqualTo(UpstreamPool.Stable));
            Assert.That(requests.Find(Gateway), Is.Null, "the abort was taken");
            Assert.That(metrics, Does.Contain("zentoria_rollbacks_total{service=\"mcp-gateway\",reason=\"manual\"} 1"));
        });
    }

    [Test]
    public async Task An_abort_made_before_the_release_began_is_dropped_and_the_release_completes()
    {
        await using var stack = await StartAsync();
        var requests = stack.Operator.Host.Services.GetRequiredService<RolloutRequests>();
        requests.Request(new RolloutRequest(Gateway, RolloutRequestKind.Abort, "test", DateTimeOffset.UtcNow.AddDays(-1)));

        await stack.PassAsync();

        var unit = stack.Operator.Service(Gateway);
        Assert.Multiple(() =>
        {
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(stack.Guests.Service(Gateway)!.Version, Is.EqualTo(Wanted));
            Assert.That(requests.Find(Gateway), Is.Null, "the stale request is gone");
        });
    }

    [Test]
    public async Task A_kept_clone_stays_after_the_release_until_a_promote_request_ends_the_delay()
    {
        await using var stack = await StartAsync(edit: op => op.Edit(StackFile, "strategy: { cloneIp: 127.0.2.211/8 }", "strategy: { cloneIp: 127.0.2.211/8, keepClone: 1h }"));
        var requests = stack.Operator.Host.Services.GetRequiredService<RolloutRequests>();

        await stack.PassAsync();
        var kept = stack.Operator.Service(Gateway);
        var cloneWhileKept = stack.Operator.Simulator.Cluster.FindContainer(CloneVmId);
        requests.Request(new RolloutRequest(Gateway, RolloutRequestKind.Promote, "test", DateTimeOffset.UtcNow));
        await stack.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That((kept.Sync, kept.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), kept.Message);
            Assert.That(kept.Rollout?.Step, Is.EqualTo(nameof(BlueGreenStep.Wait)));
            Assert.That(cloneWhileKept?.Running, Is.True, "the clone is kept for an hour");
            Assert.That(stack.Operator.Simulator.Cluster.FindContainer(CloneVmId), Is.Null, "promote ends the delay");
            Assert.That(requests.Find(Gateway), Is.Null);
            Assert.That(stack.Operator.Service(Gateway).Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Succeeded)));
        });
    }

    private static Task<ServiceStack> StartAsync(Action<SimulatedGuests>? prepare = null, Action<OperatorOnSimulator>? edit = null) =>
        ServiceStack.StartAsync(behind: Gateway, edit: edit, prepare: prepare, follow: true,
            options: o => o.Notifications.Webhooks.Add(new NotificationTarget { Url = "http://127.0.0.1:9/hook" }));

    /// <summary>One pass that stops at the step boundary after <paramref name="steps"/> blue/green actions: the next observation finds Proxmox unreachable.</summary>
    private static async Task InterruptedAfterAsync(ServiceStack stack, int steps)
    {
        var done = 0;
        stack.Operator.OnLog = line =>
        {
            if (ActionFinished().IsMatch(line) && Interlocked.Increment(ref done) == steps)
            {
                stack.Operator.Simulator.Faults.Add(FaultRule.NodeUnreachable() with { Route = "GET /nodes/{node}/lxc" });
            }
        };
        await stack.PassAsync();
        stack.Operator.OnLog = null;
        stack.Operator.Simulator.Faults.Clear();
    }

    private static List<string?> BlueGreenActions(ServiceStack stack) =>
        [.. stack.Audit(Gateway).Select(a => a.GetProperty("action").GetString()).Where(a => Release.Contains(a))];

    private static UpstreamRouting? Upstream(ServiceStack stack) =>
        stack.Guests.Shell("nginx").Find(UpstreamFilePath) is { } file ? UpstreamFile.Read(file.Content.Span).Routing : null;

    private static string Original(ServiceStack stack) => stack.Guests.Service(Gateway)!.Endpoint!.ToString();

    private static string Clone(ServiceStack stack) => stack.Guests.CloneOf(Gateway)!.Endpoint!.ToString();

    private static UpstreamEndpoint Endpoint(string text) => new(text[..text.LastIndexOf(':')], int.Parse(text[(text.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The one server the upstream names, and whether its health endpoint answers 200 there.</summary>
    private static async Task<(string Server, bool Healthy)> ServingSideAsync(ServiceStack stack)
    {
        var server = Upstream(stack)!.Servers.Single().Endpoint;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var answer = await http.GetAsync(new Uri($"http://{server}/health"));
            return (server.ToString(), answer.IsSuccessStatusCode);
        }
        catch (HttpRequestException)
        {
            return (server.ToString(), false);
        }
    }

    /// <summary>A request through the sandbox's NGINX to the backend's health endpoint: the version that answered, and where.</summary>
    private static async Task<(string? Version, string? Server)> ThroughNginx(ServiceStack stack)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var answer = await http.GetAsync(new Uri($"http://{stack.Guests.Service("nginx")!.Endpoint}/backend/health"));
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("version").GetString(), answer.Headers.GetValues(SandboxNginxRouter.UpstreamHeader).Single());
    }

    private static Task<string> Metrics(ServiceStack stack) => OperatorMetricsTests.Export(stack.Operator.Host.Services.GetRequiredService<OperatorMetrics>());

    private static List<LedgerEntry> Notifications(ServiceStack stack, NotificationKind kind) =>
        [.. stack.Operator.Host.Services.GetRequiredService<NotificationLedger>().Entries.Where(e => e.Event.Kind == kind && e.Event.Subject == $"Service/{Gateway}")];

    [GeneratedRegex(@"Service/mcp-gateway: (clone|start-clone|deploy-clone|switch-upstream|deploy|destroy-clone) on node \S+, VM \d+ succeeded")]
    private static partial Regex ActionFinished();
}
