using System.Net;
using System.Net.Sockets;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

[Category("Integration")]
internal sealed class SshExecTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The name the runtime gives each socket engine thread.
    private const string EngineThread = ".NET Sockets";

    [Test]
    public async Task A_command_returns_its_stdout_stderr_and_exit_code()
    {
        using var harness = new SshHarness(SshdSetUp.Server);

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "echo out-line; echo err-line >&2; exit 7"), Timeout, CancellationToken.None);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(outcome.Value, Is.EqualTo(new GuestCommandResult(7, "out-line\n", "err-line\n", false, false)));
        Assert.That(outcome.Value!.Succeeded, Is.False);
    }

    [Test]
    public async Task A_command_and_a_file_read_issued_on_the_socket_engine_thread_connect_and_complete()
    {
        using var harness = new SshHarness(SshdSetUp.Server);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var server = await listener.AcceptSocketAsync();

        // Run outside NUnit's synchronization context, which would move every continuation back to the pool.
        var (thread, command, file) = await Task.Run(async () =>
        {
            // A receive that waits for data resumes where the socket engine delivered it: on the engine's own thread when
            // continuations run inline, as in the operator (InlineSocketCompletions) and in this test run. The byte is
            // sent from another thread and may arrive before the await, so this takes a few tries at most.
            for (var tries = 0; tries < 20 && Thread.CurrentThread.Name != EngineThread; tries++)
            {
                var received = client.ReceiveAsync(new byte[1], SocketFlags.None);
                _ = Task.Run(() => server.Send([1]));
                await received;
            }

            var on = Thread.CurrentThread.Name;
            return (on, await harness.Shell.RunAsync(GuestCommand.Of("echo", "issued on " + on), Timeout, CancellationToken.None),
                await harness.Shell.ReadFileAsync("/etc/hostname", 4096, CancellationToken.None));
        });

        Assume.That(thread, Is.EqualTo(EngineThread), $"needs {InlineSocketCompletions.Variable}=1, which scripts/test.sh sets");
        Assert.That(command.Value?.Stdout, Is.EqualTo($"issued on {EngineThread}\n"), command.Error?.Message);
        Assert.That(file.Error, Is.Null, file.Error?.Message);
    }

    [Test]
    public async Task A_flood_of_output_is_cut_at_the_limit_and_marked_truncated()
    {
        using var harness = new SshHarness(SshdSetUp.Server);

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "yes | head -c 50M; yes 2>&1 >&2 | head -c 3M >&2"), Timeout, CancellationToken.None);

        var result = outcome.Value!;
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Truncated, Is.True);
        Assert.That(result.Stdout, Has.Length.EqualTo(harness.Options.MaxOutputBytes));
        Assert.That(result.Stderr, Has.Length.EqualTo(harness.Options.MaxOutputBytes));
        Assert.That(result.Stdout, Does.StartWith("y\ny\n"));
    }

    [Test]
    public async Task A_flood_does_not_grow_the_managed_heap_with_the_output()
    {
        using var harness = new SshHarness(SshdSetUp.Server, options => options.MaxOutputBytes = 64 * 1024);
        await harness.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var run = harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "yes | head -c 200M"), Timeout, CancellationToken.None);
        long peak = 0;
        while (!run.IsCompleted)
        {
            // Collected first: SSH.NET allocates per packet, and uncollected garbage is not what is held.
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System));
        }

        Assert.That((await run).Value!.Truncated, Is.True);
        TestContext.Out.WriteLine($"peak managed heap growth: {peak / 1024} KiB");
        Assert.That(peak, Is.LessThan(32L * 1024 * 1024), $"200 MB of output must not be held in memory; {peak / 1024 / 1024} MiB were");
    }

    [Test]
    public async Task A_command_past_its_timeout_is_cut_and_the_connection_stays_usable()
    {
        using var harness = new SshHarness(SshdSetUp.Server);

        var cut = await harness.Shell.RunAsync(GuestCommand.Of("sleep", "30"), TimeSpan.FromSeconds(1), CancellationToken.None);
        var next = await harness.Shell.RunAsync(GuestCommand.Of("echo", "still here"), Timeout, CancellationToken.None);

        Assert.That(cut.Value!.TimedOut, Is.True);
        Assert.That(cut.Value.Succeeded, Is.False);
        Assert.That(next.Value!.Stdout, Is.EqualTo("still here\n"));
    }

    [Test]
    public async Task A_command_cut_by_the_timeout_does_not_keep_running_in_the_guest()
    {
        using var harness = new SshHarness(SshdSetUp.Server);
        using var folder = new Zentoria.Reconciler.Tests.TestSupport.TemporaryFolder();
        var pidFile = folder.File("pid");

        var cut = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "echo $$ > \"$1\"; sleep 30; sleep 30", "sh", pidFile), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.That(cut.Value!.TimedOut, Is.True);
        var pid = File.ReadAllText(pidFile).Trim();
        var deadline = TimeProvider.System.GetTimestamp();
        while (Directory.Exists("/proc/" + pid) && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.That(Directory.Exists("/proc/" + pid), Is.False, "the guest's timeout must end the command a few seconds after the operator gave up");
    }

    [Test]
    public async Task Cancelling_the_caller_token_throws_rather_than_reporting_a_timeout()
    {
        using var harness = new SshHarness(SshdSetUp.Server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300), TimeProvider.System);

        Assert.That(
            async () => await harness.Shell.RunAsync(GuestCommand.Of("sleep", "30"), Timeout, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Commands_share_one_connection_and_can_run_concurrently()
    {
        using var harness = new SshHarness(SshdSetUp.Server);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "sleep 0.2; echo $1", "sh", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Timeout, CancellationToken.None)));

        Assert.That(runs.Select(run => run.Value!.Stdout.Trim()), Is.EqualTo(Enumerable.Range(0, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(harness.Logger.Collector.GetSnapshot().Count(record => record.Message.StartsWith("Connected to", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_dropped_connection_is_re_established_on_the_next_command()
    {
        using var harness = new SshHarness(SshdSetUp.Server);
        await harness.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        // The shell's parent is the sshd process serving this connection: killing it drops the connection.
        var dropped = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "kill -9 $PPID"), Timeout, CancellationToken.None);
        var next = await harness.Shell.RunAsync(GuestCommand.Of("echo", "back"), Timeout, CancellationToken.None);

        Assert.That(dropped.Succeeded && dropped.Value!.ExitCode == 0, Is.False, "the kill ends the command with the connection");
        Assert.That(next.Error, Is.Null);
        Assert.That(next.Value!.Stdout, Is.EqualTo("back\n"));
    }

    [Test]
    public async Task An_ed25519_and_an_RSA_client_key_both_authenticate()
    {
        using var ed25519 = new SshHarness(SshdSetUp.Server, options => options.KeyFile = SshdSetUp.Server.ClientEd25519Key);
        using var rsa = new SshHarness(SshdSetUp.Server, options => options.KeyFile = SshdSetUp.Server.ClientRsaKey);

        var first = await ed25519.Shell.RunAsync(GuestCommand.Of("echo", "ed25519"), Timeout, CancellationToken.None);
        var second = await rsa.Shell.RunAsync(GuestCommand.Of("echo", "rsa"), Timeout, CancellationToken.None);

        Assert.That(first.Value!.Stdout, Is.EqualTo("ed25519\n"));
        Assert.That(second.Value!.Stdout, Is.EqualTo("rsa\n"));
    }

    [Test]
    public async Task An_encrypted_key_authenticates_with_its_passphrase_which_is_never_logged()
    {
        using var harness = new SshHarness(SshdSetUp.Server, options => (options.KeyFile, options.KeyPassphrase) = (SshdSetUp.Server.EncryptedClientKey, RealSshd.Passphrase));

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("echo", "unlocked"), Timeout, CancellationToken.None);

        Assert.That(outcome.Value!.Stdout, Is.EqualTo("unlocked\n"));
        Assert.That(harness.Logger.Collector.GetSnapshot().Select(record => record.Message), Has.None.Contains("horse"));
    }

    [Test]
    public async Task A_wrong_passphrase_is_an_authentication_error_that_does_not_echo_it()
    {
        using var harness = new SshHarness(SshdSetUp.Server, options => (options.KeyFile, options.KeyPassphrase) = (SshdSetUp.Server.EncryptedClientKey, "wrong passphrase 12345"));

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.AuthenticationFailed));
        Assert.That(outcome.Error.Message, Does.Not.Contain("wrong passphrase"));
        Assert.That(harness.Logger.Collector.GetSnapshot().Select(record => record.Message), Has.None.Contains("wrong passphrase"));
    }

    [Test]
    public async Task A_key_the_server_does_not_know_is_an_authentication_error()
    {
        using var harness = new SshHarness(SshdSetUp.Server, options => options.KeyFile = SshdSetUp.Server.StrangerKey);

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.AuthenticationFailed));
    }

    [Test]
    public async Task A_missing_key_file_is_an_authentication_error_naming_the_file()
    {
        using var harness = new SshHarness(SshdSetUp.Server, options => options.KeyFile = "/nonexistent/key");

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.AuthenticationFailed));
        Assert.That(outcome.Error.Message, Does.Contain("/nonexistent/key"));
    }

    [Test]
    public async Task A_port_nobody_listens_on_is_an_unreachable_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var harness = new SshHarness(SshdSetUp.Server);
        var shell = new Zentoria.Reconciler.Guests.Ssh.SshGuestShell(
            Zentoria.Reconciler.Guests.Ssh.GuestTarget.Direct(harness.Endpoint with { Port = port }), harness.Pool, harness.Options, TimeProvider.System, harness.Logger);

        var outcome = await shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.Unreachable));
        Assert.That(outcome.Error.Message, Does.Contain($"127.0.0.1:{port}"));
    }

    [Test]
    public async Task A_command_that_reads_stdin_gets_end_of_file_at_once()
    {
        using var harness = new SshHarness(SshdSetUp.Server);

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "cat; echo done"), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.That(outcome.Value, Is.EqualTo(new GuestCommandResult(0, "done\n", "", false, false)));
    }

    [Test]
    public async Task A_command_line_longer_than_a_shell_takes_is_an_error_and_runs_nothing()
    {
        using var harness = new SshHarness(SshdSetUp.Server);
        using var folder = new Zentoria.Reconciler.Tests.TestSupport.TemporaryFolder();
        var canary = folder.File("canary");

        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "touch \"$1\"", "sh", canary, new string('x', 130 * 1024)), Timeout, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.Failed));
        Assert.That(outcome.Error.Message, Does.Contain("at most 131071"));
        Assert.That(File.Exists(canary), Is.False);
    }
}
