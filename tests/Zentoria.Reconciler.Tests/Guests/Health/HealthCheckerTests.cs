using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Health;

namespace Zentoria.Reconciler.Tests.Guests.Health;

internal sealed class HealthCheckerTests
{
    private const string Loopback = "127.0.0.1";

    private static readonly HealthSpec VersionedHttp = HealthSpec.Default with { ExpectVersion = true };

    private HealthServer server = null!;
    private HttpClient http = null!;
    private TimerSignallingTimeProvider time = null!;

    private HealthChecker Checker => new(http, time, NullLogger.Instance);

    [SetUp]
    public async Task Start()
    {
        server = await HealthServer.StartAsync();
        http = new HttpClient();
        time = new TimerSignallingTimeProvider();
    }

    [TearDown]
    public async Task Stop()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public async Task The_seed_health_answer_with_the_desired_version_is_healthy_at_the_first_attempt()
    {
        var report = await Checker.CheckAsync(VersionedHttp, new HealthTarget(Loopback, server.Port, "1.0.0"), CancellationToken.None);

        Assert.That(report.Healthy, Is.True);
        Assert.That(report.ReportedVersion, Is.EqualTo("1.0.0"));
        Assert.That(report.Attempts, Is.EqualTo(new[] { new HealthAttempt(1, true, "HTTP 200, version 1.0.0", 200, "1.0.0") }));
    }

    [Test]
    public async Task Failed_attempts_are_retried_after_the_interval_until_one_passes()
    {
        server.Answer = n => n <= 2 ? (503, """{"status":"starting"}""") : (200, """{"status":"ok","version":"1.0.0"}""");

        var check = Checker.CheckAsync(VersionedHttp, new HealthTarget(Loopback, server.Port, "1.0.0"), CancellationToken.None);
        for (var wait = 1; wait <= 2; wait++)
        {
            await time.WaitForTimerAsync(VersionedHttp.Interval);
            time.Fake.Advance(VersionedHttp.Interval - TimeSpan.FromSeconds(1));
            Assert.That(server.Requests, Is.EqualTo(wait), "the next attempt must wait for the whole interval");
            time.Fake.Advance(TimeSpan.FromSeconds(1));
        }

        var report = await check;
        Assert.That(report.Healthy, Is.True);
        Assert.That(report.Attempts.Select(a => a.Detail), Is.EqualTo(new[] { "HTTP 503, expected 200", "HTTP 503, expected 200", "HTTP 200, version 1.0.0" }));
        Assert.That(server.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_service_that_never_passes_is_unhealthy_after_five_attempts_ten_seconds_apart()
    {
        server.Answer = _ => (500, "oops");
        var started = time.Fake.GetUtcNow();

        var check = Checker.CheckAsync(HealthSpec.Default, new HealthTarget(Loopback, server.Port, null), CancellationToken.None);
        for (var wait = 1; wait <= 4; wait++)
        {
            await time.WaitForTimerAsync(HealthSpec.Default.Interval);
            time.Fake.Advance(HealthSpec.Default.Interval);
        }

        var report = await check;
        Assert.That(report.Healthy, Is.False);
        Assert.That(report.Attempts.Select(a => a.Number), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(report.Attempts.Select(a => a.StatusCode), Has.All.EqualTo(500));
        Assert.That(time.Fake.GetUtcNow() - started, Is.EqualTo(TimeSpan.FromSeconds(40)));
    }

    [Test]
    public async Task Another_version_than_the_desired_one_is_unhealthy_and_reported()
    {
        var report = await Checker.CheckAsync(VersionedHttp with { Retries = 1 }, new HealthTarget(Loopback, server.Port, "v1.4.2"), CancellationToken.None);

        Assert.That(report.Healthy, Is.False);
        Assert.That(report.ReportedVersion, Is.EqualTo("1.0.0"));
        Assert.That(report.LastAttempt.Detail, Is.EqualTo("HTTP 200, version 1.0.0, expected version v1.4.2"));
    }

    [Test]
    public async Task Without_expect_version_any_version_passes_and_is_still_reported()
    {
        var report = await Checker.CheckAsync(HealthSpec.Default, new HealthTarget(Loopback, server.Port, "v9"), CancellationToken.None);

        Assert.That(report.Healthy, Is.True);
        Assert.That(report.ReportedVersion, Is.EqualTo("1.0.0"));
    }

    [Test]
    public async Task The_expected_status_code_is_configurable()
    {
        server.Answer = _ => (204, "");

        var passes = await Checker.CheckAsync(HealthSpec.Default with { ExpectStatus = 204, Retries = 1 }, new HealthTarget(Loopback, server.Port, null), CancellationToken.None);
        var fails = await Checker.CheckAsync(HealthSpec.Default with { Retries = 1 }, new HealthTarget(Loopback, server.Port, null), CancellationToken.None);

        Assert.That(passes.Healthy, Is.True);
        Assert.That(fails.LastAttempt.Detail, Is.EqualTo("HTTP 204, expected 200"));
    }

    [Test]
    public async Task An_answer_that_does_not_come_within_the_timeout_is_a_failed_attempt()
    {
        server.Answer = _ => null;
        var checker = new HealthChecker(http, TimeProvider.System, NullLogger.Instance);

        var report = await checker.CheckAsync(HealthSpec.Default with { Retries = 1, Timeout = TimeSpan.FromMilliseconds(200) }, new HealthTarget(Loopback, server.Port, null), CancellationToken.None);

        Assert.That(report.Healthy, Is.False);
        Assert.That(report.LastAttempt.Detail, Is.EqualTo("no answer within 0.2 s"));
    }

    [Test]
    public async Task A_closed_port_is_a_failed_attempt_not_an_exception()
    {
        var port = ClosedPort();

        var http1 = await Checker.CheckAsync(HealthSpec.Default with { Retries = 1 }, new HealthTarget(Loopback, port, null), CancellationToken.None);
        var tcp = await Checker.CheckAsync(HealthSpec.Default with { Type = HealthCheckKind.Tcp, Retries = 1 }, new HealthTarget(Loopback, port, null), CancellationToken.None);

        Assert.That(http1.LastAttempt.Detail, Does.StartWith("connection failed"));
        Assert.That(tcp.LastAttempt.Detail, Is.EqualTo($"127.0.0.1:{port}: ConnectionRefused"));
    }

    [Test]
    public async Task A_tcp_check_passes_when_the_port_accepts_a_connection()
    {
        var report = await Checker.CheckAsync(HealthSpec.Default with { Type = HealthCheckKind.Tcp }, new HealthTarget(Loopback, server.Port, null), CancellationToken.None);

        Assert.That(report.Healthy, Is.True);
    }

    [Test]
    public async Task A_command_check_passes_on_exit_zero_through_the_guest_shell()
    {
        var shell = new ScriptedGuestShell(new GuestCommandResult(1, "", "not yet", false, false), new GuestCommandResult(0, "", "", false, false));
        var spec = HealthSpec.Default with { Type = HealthCheckKind.Command, Retries = 2 };
        var command = GuestCommand.Of("/opt/zentoria/healthcheck.sh");

        var check = Checker.CheckAsync(spec, new HealthTarget(Loopback, 0, null, shell, command), CancellationToken.None);
        await time.WaitForTimerAsync(spec.Interval);
        time.Fake.Advance(spec.Interval);
        var report = await check;

        Assert.That(report.Healthy, Is.True);
        Assert.That(report.Attempts.Select(a => a.Detail), Is.EqualTo(new[] { "exit 1: not yet", "exit 0" }));
        Assert.That(shell.Commands, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_live_version_is_read_from_the_health_endpoint_whatever_its_status()
    {
        server.Answer = _ => (503, """{"status":"degraded","version":"1.0.0"}""");

        var live = await new LiveVersionReader(Checker).FromHealthEndpointAsync(HealthSpec.Default, Loopback, server.Port, CancellationToken.None);

        Assert.That(live, Is.EqualTo(new LiveVersion("1.0.0", null)));
    }

    [Test]
    public async Task An_answer_without_a_version_says_why_no_version_was_read()
    {
        server.Answer = _ => (200, "<html>ok</html>");

        var live = await new LiveVersionReader(Checker).FromHealthEndpointAsync(HealthSpec.Default, Loopback, server.Port, CancellationToken.None);

        Assert.That(live.Version, Is.Null);
        Assert.That(live.Error, Does.Contain("no version"));
    }

    [Test]
    public async Task The_live_version_is_read_from_a_probe_command_s_first_line()
    {
        var shell = new ScriptedGuestShell(new GuestCommandResult(0, "v1.4.2\nbuilt 2026-11-01\n", "", false, false));

        var live = await LiveVersionReader.FromCommandAsync(shell, GuestCommand.Of("cat", "/opt/zentoria/VERSION"), TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.That(live, Is.EqualTo(new LiveVersion("v1.4.2", null)));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
