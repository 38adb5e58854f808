using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class FaultInjectionTests
{
    private const string ConfigRoute = "PUT /nodes/{node}/lxc/{vmid}/config";
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101 });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task A_fixed_error_answers_its_status_and_text_for_the_given_number_of_requests()
    {
        _sim.Simulator.Faults.Add(FaultRule.Error(500, "got an injected failure") with { Route = "GET /version", Times = 2 });

        var reasons = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _sim.GetAsync("version");
            reasons.Add(response.ReasonPhrase);
        }

        Assert.That(reasons, Is.EqualTo(new[] { "got an injected failure", "got an injected failure", "OK" }));
    }

    [Test]
    public async Task A_rule_only_hits_its_route_and_its_container()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 102 });
        _sim.Simulator.Faults.Add(FaultRule.Error(500, "boom") with { Route = "/nodes/{node}/lxc/{vmid}/config", VmId = 102 });

        using var other = await _sim.GetAsync("nodes/pve/lxc/101/config");
        using var hit = await _sim.GetAsync("nodes/pve/lxc/102/config");

        Assert.That(other.ReasonPhrase, Is.EqualTo("OK"));
        Assert.That(hit.ReasonPhrase, Is.EqualTo("boom"));
    }

    [Test]
    public async Task An_error_rate_is_repeatable_with_the_same_seed()
    {
        async Task<string> PatternAsync()
        {
            await using var sim = await SimulatorHarness.StartAsync(o => new SimulatorOptions { TimeProvider = o.TimeProvider, Random = new Random(42) });
            sim.Simulator.Faults.Add(FaultRule.Error(500, "flaky") with { Route = "GET /version", Probability = 0.5 });
            var pattern = new System.Text.StringBuilder();
            for (var i = 0; i < 20; i++)
            {
                using var response = await sim.GetAsync("version");
                pattern.Append(response.IsSuccessStatusCode ? '.' : 'x');
            }

            return pattern.ToString();
        }

        var first = await PatternAsync();
        var second = await PatternAsync();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Contain("x").And.Contain("."));
    }

    [TestCase(595, "Connection refused")]
    [TestCase(596, "tls_process_server_certificate: certificate verify failed")]
    public async Task Proxy_failures_answer_their_pseudo_status_with_an_empty_body(int status, string reason)
    {
        _sim.Simulator.Faults.Add((status == 595 ? FaultRule.NodeUnreachable(reason) : FaultRule.ProxyFailure(reason)) with { Route = "GET /nodes/{node}/lxc" });

        using var response = await _sim.GetAsync("nodes/pve/lxc");

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.ReasonPhrase, Is.EqualTo(reason));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task A_lock_timeout_names_the_containers_lock_file()
    {
        _sim.Simulator.Faults.Add(FaultRule.LockTimeout() with { Route = ConfigRoute });
        _sim.Simulator.Faults.Add(FaultRule.LockTimeout() with { Route = "POST /nodes/{node}/lxc" });

        using var update = await _sim.PutAsync("nodes/pve/lxc/101/config", ("cores", "2"));
        using var create = await _sim.PostAsync("nodes/pve/lxc", ("vmid", "130"), ("ostemplate", SimulatedCluster.DefaultTemplate));

        Assert.That(update.ReasonPhrase, Is.EqualTo("can't lock file '/run/lock/lxc/pve-config-101.lock' - got timeout"));
        Assert.That(create.ReasonPhrase, Is.EqualTo("unable to create CT 130 - can't lock file '/run/lock/lxc/pve-config-130.lock' - got timeout"));
    }

    [Test]
    public async Task A_dropped_connection_gives_the_client_no_answer()
    {
        _sim.Simulator.Faults.Add(FaultRule.DropConnection() with { Route = "GET /version", Times = 1 });

        Assert.That(async () => await _sim.GetAsync("version"), Throws.InstanceOf<HttpRequestException>());
        using var next = await _sim.GetAsync("version");
        Assert.That(next.ReasonPhrase, Is.EqualTo("OK"));
    }

    [Test]
    public async Task A_failing_task_ends_with_the_given_exit_status_and_releases_its_lock()
    {
        _sim.Simulator.Faults.Add(FaultRule.FailTask("snapshot feature is not available") with { Route = "POST /nodes/{node}/lxc/{vmid}/snapshot" });

        var status = await _sim.FinishTaskAsync(await _sim.StartTaskAsync("nodes/pve/lxc/101/snapshot", ("snapname", "s1")));

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("snapshot feature is not available"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Lock, Is.Null);
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Snapshots, Is.Empty);
    }

    [Test]
    public async Task A_hanging_task_never_finishes_and_keeps_the_lock()
    {
        _sim.Simulator.Faults.Add(FaultRule.HangTask() with { Route = "POST /nodes/{node}/lxc/{vmid}/snapshot" });

        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/101/snapshot", ("snapname", "s1"));
        _sim.Time.Advance(TimeSpan.FromHours(1));
        var status = await _sim.TaskStatusAsync(upid);
        using var write = await _sim.PutAsync("nodes/pve/lxc/101/config", ("cores", "2"));

        Assert.That(status["status"]!.GetValue<string>(), Is.EqualTo("running"));
        Assert.That(write.ReasonPhrase, Is.EqualTo("CT is locked (snapshot)"));
    }

    [Test]
    public async Task Added_latency_holds_the_answer_until_the_simulator_clock_has_moved_on()
    {
        _sim.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(5);
        var start = _sim.Time.GetUtcNow();

        var pending = _sim.GetAsync("version");
        for (var i = 0; i < 100_000 && !pending.IsCompleted; i++)
        {
            _sim.Time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        using var response = await pending;
        Assert.That(response.ReasonPhrase, Is.EqualTo("OK"));
        Assert.That(_sim.Time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(5)));
    }

    [Test]
    public void A_probability_outside_zero_to_one_is_refused()
    {
        Assert.That(() => _sim.Simulator.Faults.Add(FaultRule.DropConnection() with { Probability = 1.5 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
