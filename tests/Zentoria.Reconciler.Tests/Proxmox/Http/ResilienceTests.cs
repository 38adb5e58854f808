using System.Collections.Concurrent;
using System.Net.Sockets;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Http;

internal sealed class ResilienceTests
{
    private const string ConfigPath = "/nodes/pve/lxc/101/config";
    private static readonly ContainerConfigUpdate SetCores = new() { Set = new Dictionary<string, string> { ["cores"] = "2" } };

    [Test]
    public async Task A_read_is_retried_through_node_unreachable_answers_with_growing_jittered_delays()
    {
        var time = new InstantDelayTimeProvider();
        var handler = new StubProxmoxHandler().OnSequence(
            "GET", ConfigPath, () => StubResponses.Bare(595, "Connection refused"), () => StubResponses.Bare(596, "Broken pipe"), () => StubResponses.Data("""{"cores":2}"""));
        using var client = TestClients.Create(handler, time, configure: o => o.RetryBaseDelay = TimeSpan.FromSeconds(1));

        var config = await client.Config.GetAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((config.Cores, handler.CallsTo("GET", ConfigPath)), Is.EqualTo(((int?)2, 3)));
            Assert.That(time.Delays, Has.Count.EqualTo(2).And.All.GreaterThan(TimeSpan.Zero).And.All.LessThanOrEqualTo(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public void A_read_gives_up_after_the_configured_retries_with_the_last_error()
    {
        var handler = new StubProxmoxHandler().On("GET", ConfigPath, () => StubResponses.Bare(595, "No route to host"));
        using var client = TestClients.Create(handler, configure: o => o.MaxRetryAttempts = 2);

        var error = Assert.ThrowsAsync<ProxmoxNodeUnreachableException>(() => client.Config.GetAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None))!;

        Assert.That((handler.CallsTo("GET", ConfigPath), error.StatusCode), Is.EqualTo((3, (int?)595)));
    }

    [Test]
    public void A_probe_makes_one_attempt_where_a_read_would_retry()
    {
        const string PendingPath = "/nodes/pve/lxc/101/pending";
        var handler = new StubProxmoxHandler().On("GET", PendingPath, () => StubResponses.Bare(595, "No route to host"));
        using var client = TestClients.Create(handler, configure: o => o.MaxRetryAttempts = 2);

        Assert.ThrowsAsync<ProxmoxNodeUnreachableException>(() => client.Config.GetPendingAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None, once: true));

        Assert.That(handler.CallsTo("GET", PendingPath), Is.EqualTo(1));
    }

    [Test]
    public void A_read_is_not_retried_when_the_container_does_not_exist()
    {
        var handler = new StubProxmoxHandler().On("GET", ConfigPath, () => StubResponses.Error(500, "Configuration file 'nodes/pve/lxc/101.conf' does not exist"));
        using var client = TestClients.Create(handler);

        Assert.ThrowsAsync<ProxmoxNotFoundException>(() => client.Config.GetAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None));
        Assert.That(handler.CallsTo("GET", ConfigPath), Is.EqualTo(1));
    }

    [Test]
    public async Task A_write_is_retried_after_a_config_lock_timeout_because_nothing_was_changed()
    {
        var handler = new StubProxmoxHandler().OnSequence(
            "PUT", ConfigPath, () => StubResponses.Error(500, "can't lock file '/run/lock/lxc/pve-config-101.lock' - got timeout"), StubResponses.Null);
        using var client = TestClients.Create(handler);

        await client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, SetCores, CancellationToken.None);

        Assert.That(handler.CallsTo("PUT", ConfigPath), Is.EqualTo(2));
    }

    [Test]
    public async Task A_write_is_retried_when_the_connection_was_refused_before_sending()
    {
        var handler = new StubProxmoxHandler().OnSequence(
            "PUT", ConfigPath, () => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)), StubResponses.Null);
        using var client = TestClients.Create(handler);

        await client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, SetCores, CancellationToken.None);

        Assert.That(handler.CallsTo("PUT", ConfigPath), Is.EqualTo(2));
    }

    [TestCase(500, "CT is locked (backup)")]
    [TestCase(500, "detected modified configuration - file changed by other user? Try again.")]
    [TestCase(596, "Broken pipe")]
    public void A_write_is_not_retried_when_the_server_may_have_acted_or_refused_for_a_reason(int status, string text)
    {
        var handler = new StubProxmoxHandler().On("PUT", ConfigPath, () => status >= 595 ? StubResponses.Bare(status, text) : StubResponses.Error(status, text));
        using var client = TestClients.Create(handler);

        Assert.ThrowsAsync(Is.InstanceOf<ProxmoxException>(), () => client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, SetCores, CancellationToken.None));
        Assert.That(handler.CallsTo("PUT", ConfigPath), Is.EqualTo(1));
    }

    [Test]
    public void A_write_whose_connection_dropped_after_sending_is_not_retried()
    {
        var handler = new StubProxmoxHandler().On("PUT", ConfigPath, () => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        using var client = TestClients.Create(handler);

        var error = Assert.ThrowsAsync<ProxmoxConnectionException>(() => client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, SetCores, CancellationToken.None))!;

        Assert.That((handler.CallsTo("PUT", ConfigPath), error.RequestSent, error.MayHaveBeenApplied), Is.EqualTo((1, true, true)));
    }

    [Test]
    public async Task Every_attempt_is_reported_with_method_route_template_status_and_error_kind()
    {
        var seen = new ConcurrentQueue<ProxmoxRequestCompleted>();
        var handler = new StubProxmoxHandler().OnSequence("GET", ConfigPath, () => StubResponses.Bare(595, "Connection refused"), () => StubResponses.Data("""{"cores":2}"""));
        using var client = TestClients.Create(handler, observer: seen.Enqueue);

        await client.Config.GetAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None);

        Assert.That(
            seen.Select(r => (r.Method, r.RouteTemplate, r.Node, r.StatusCode, r.Error)),
            Is.EqualTo(new[]
            {
                ("GET", "/nodes/{node}/lxc/{vmid}/config", (string?)"pve", (int?)595, (ProxmoxErrorKind?)ProxmoxErrorKind.NodeUnreachable),
                ("GET", "/nodes/{node}/lxc/{vmid}/config", (string?)"pve", (int?)200, (ProxmoxErrorKind?)null),
            }));
    }

    [Test]
    public async Task Requests_in_flight_toward_one_node_never_exceed_the_configured_limit()
    {
        var inFlight = 0;
        var peak = 0;
        var limitReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new StubProxmoxHandler().On("GET", "/nodes/pve/lxc/101/status/current", () => StubResponses.Data("""{"vmid":101,"status":"running"}"""));
        handler.DuringRequest = async (_, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            if (now == 2)
            {
                limitReached.TrySetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref inFlight);
        };
        using var client = TestClients.Create(handler, configure: o => o.MaxConcurrentRequestsPerNode = 2);

        var calls = Enumerable.Range(0, 6).Select(_ => client.Status.GetCurrentAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None)).ToList();
        await limitReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waitingWhileFull = handler.Requests.Count;
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.That((peak, waitingWhileFull, handler.Requests.Count), Is.EqualTo((2, 2, 6)));
    }

    [Test]
    public void A_read_whose_attempts_time_out_is_retried_and_then_reported_as_a_timeout()
    {
        var handler = new StubProxmoxHandler().On("GET", ConfigPath, () => StubResponses.Data("{}"));
        handler.DuringRequest = (_, cancellationToken) => Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        using var client = TestClients.Create(handler, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<ProxmoxTimeoutException>(() => client.Config.GetAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None))!;

        Assert.That((handler.CallsTo("GET", ConfigPath), error.Message), Is.EqualTo((4, "Proxmox at https://127.0.0.1:8006 did not answer GET /nodes/pve/lxc/101/config within 1 s.")));
    }

    [Test]
    public void A_write_whose_attempt_timed_out_is_not_retried_because_it_may_have_been_applied()
    {
        var handler = new StubProxmoxHandler().On("PUT", ConfigPath, StubResponses.Null);
        handler.DuringRequest = (_, cancellationToken) => Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        using var client = TestClients.Create(handler, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<ProxmoxTimeoutException>(() => client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, SetCores, CancellationToken.None))!;

        Assert.That((handler.CallsTo("PUT", ConfigPath), error.MayHaveBeenApplied), Is.EqualTo((1, true)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
