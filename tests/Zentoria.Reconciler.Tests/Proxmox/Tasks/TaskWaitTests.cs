using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Tasks;

internal sealed class TaskWaitTests
{
    private const string StatusPath = "/nodes/pve/tasks/" + TestClients.UpidStart + "/status";
    private const string LogPath = "/nodes/pve/tasks/" + TestClients.UpidStart + "/log";
    private static readonly Upid Start = Upid.Parse(TestClients.UpidStart);

    private static HttpResponseMessage Running() => StubResponses.Data($$"""{"upid":"{{TestClients.UpidStart}}","type":"vzstart","id":"101","status":"running","pid":1,"starttime":1}""");

    private static HttpResponseMessage Unreachable() => StubResponses.Bare(595, "No route to host");

    private static HttpResponseMessage Stopped(string exit) => StubResponses.Data($$"""{"upid":"{{TestClients.UpidStart}}","type":"vzstart","id":"101","status":"stopped","exitstatus":"{{exit}}"}""");

    [Test]
    public async Task Waiting_polls_the_upid_node_with_growing_intervals_until_the_task_stops()
    {
        var time = new InstantDelayTimeProvider();
        var handler = new StubProxmoxHandler().OnSequence("GET", StatusPath, Running, Running, Running, Running, Running, Running, () => Stopped("OK"));
        using var client = TestClients.Create(handler, time, configure: o =>
        {
            o.TaskPollInitialInterval = TimeSpan.FromMilliseconds(200);
            o.TaskPollMaxInterval = TimeSpan.FromSeconds(1);
        });

        var status = await client.Tasks.WaitAsync(Start, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(status.Succeeded, Is.True);
            Assert.That(time.Delays.Select(d => d.TotalMilliseconds), Is.EqualTo(new[] { 200, 300, 450, 675, 1000, 1000 }));
        });
    }

    [Test]
    public async Task A_task_that_ended_with_warnings_succeeded()
    {
        var handler = new StubProxmoxHandler().On("GET", StatusPath, () => Stopped("WARNINGS: 2"));
        using var client = TestClients.Create(handler);

        var status = await client.Tasks.WaitAsync(Start, CancellationToken.None);

        Assert.That((status.Succeeded, status.ExitStatus), Is.EqualTo((true, "WARNINGS: 2")));
    }

    [Test]
    public void A_failed_task_becomes_a_typed_error_with_its_exit_status_cause_and_last_log_lines()
    {
        var handler = new StubProxmoxHandler()
            .On("GET", StatusPath, () => Stopped("CT is locked (backup)"))
            .On("GET", LogPath, (request, _) => request.Parameter("start") == "0" && request.Parameter("limit") == "1"
                ? StubResponses.Data("""[{"n":1,"t":"starting"}]""", "\"total\":30")
                : StubResponses.Data("""[{"n":29,"t":"CT is locked (backup)"},{"n":30,"t":"TASK ERROR: CT is locked (backup)"}]""", "\"total\":30"));
        using var client = TestClients.Create(handler, configure: o => o.TaskFailureLogLines = 2);

        var error = Assert.ThrowsAsync<ProxmoxTaskFailedException>(() => client.Tasks.WaitAsync(Start, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Proxmox task vzstart 101 on pve failed: CT is locked (backup)"));
            Assert.That((error.ExitStatus, error.Cause, error.IsTransient), Is.EqualTo(("CT is locked (backup)", ProxmoxErrorKind.Locked, true)));
            Assert.That(error.LastLogLines, Is.EqualTo(new[] { "CT is locked (backup)", "TASK ERROR: CT is locked (backup)" }));
            Assert.That(handler.Requests[^1].Parameter("start"), Is.EqualTo("28"));
        });
    }

    [Test]
    public void A_task_failure_whose_cause_cannot_pass_is_terminal()
    {
        var handler = new StubProxmoxHandler()
            .On("GET", StatusPath, () => Stopped("snapshot feature is not available"))
            .On("GET", LogPath, () => StubResponses.Data("""[{"n":1,"t":"no content"}]""", "\"total\":1"));
        using var client = TestClients.Create(handler);

        var error = Assert.ThrowsAsync<ProxmoxTaskFailedException>(() => client.Tasks.WaitAsync(Start, CancellationToken.None))!;

        Assert.That((error.IsTransient, error.LastLogLines.Count), Is.EqualTo((false, 1)));
    }

    [Test]
    public void A_task_still_running_at_the_deadline_is_a_task_timeout()
    {
        var time = new InstantDelayTimeProvider();
        var handler = new StubProxmoxHandler().On("GET", StatusPath, Running);
        using var client = TestClients.Create(handler, time);

        var error = Assert.ThrowsAsync<ProxmoxTaskTimeoutException>(() => client.Tasks.WaitAsync(Start, CancellationToken.None, TimeSpan.FromSeconds(10)))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Upid, error.IsTransient), Is.EqualTo((Start, true)));
            Assert.That(time.Delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d), Is.EqualTo(TimeSpan.FromSeconds(10)));
        });
    }

    [Test]
    public async Task An_unknown_task_right_after_dispatch_is_polled_again()
    {
        var handler = new StubProxmoxHandler().OnSequence("GET", StatusPath, () => StubResponses.Error(400, "Parameter verification failed.", """{"upid":"no such task"}"""), () => Stopped("OK"));
        using var client = TestClients.Create(handler);

        var status = await client.Tasks.WaitAsync(Start, CancellationToken.None);

        Assert.That((status.Succeeded, handler.CallsTo("GET", StatusPath)), Is.EqualTo((true, 2)));
    }

    [Test]
    public async Task Waiting_outlasts_a_node_that_is_unreachable_for_longer_than_the_read_retries()
    {
        var handler = new StubProxmoxHandler().OnSequence(
            "GET", StatusPath, Running, Unreachable, Unreachable, Unreachable, Unreachable, Unreachable, () => Stopped("OK"));
        using var client = TestClients.Create(handler);

        var status = await client.Tasks.WaitAsync(Start, CancellationToken.None);

        Assert.That((status.Succeeded, handler.CallsTo("GET", StatusPath)), Is.EqualTo((true, 7)));
    }

    [Test]
    public void A_node_unreachable_until_the_deadline_ends_the_wait_as_a_task_timeout()
    {
        var handler = new StubProxmoxHandler().On("GET", StatusPath, Unreachable);
        using var client = TestClients.Create(handler);

        Assert.ThrowsAsync<ProxmoxTaskTimeoutException>(() => client.Tasks.WaitAsync(Start, CancellationToken.None, TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Waiting_stops_when_cancelled()
    {
        var handler = new StubProxmoxHandler().On("GET", StatusPath, Running);
        using var client = TestClients.Create(handler, new InstantDelayTimeProvider());
        using var cancellation = new CancellationTokenSource();
        handler.DuringRequest = (_, _) =>
        {
            cancellation.Cancel();
            return Task.CompletedTask;
        };

        Assert.That(async () => await client.Tasks.WaitAsync(Start, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
