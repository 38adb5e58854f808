using System.Runtime.Versioning;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>
/// <c>pct</c> mode against the real sshd, with a stand-in for Proxmox's <c>pct</c> that checks the vmid and the
/// <c>--</c>, then runs the command on this machine the way <c>pct exec</c> runs it in the container.
/// </summary>
[Category("Integration")]
[SupportedOSPlatform("linux")]
internal sealed class PctModeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly VmId BackendVmId = new(441);

    private TemporaryFolder folder = null!;
    private SshHarness harness = null!;

    [SetUp]
    public void Create()
    {
        folder = new TemporaryFolder();
        var pct = folder.File("pct");
        File.WriteAllText(pct, """
            #!/bin/sh
            [ "$1" = exec ] || { echo "pct: unsupported command $1" >&2; exit 255; }
            [ "$2" = 441 ] || { echo "Configuration file 'nodes/pve/lxc/$2.conf' does not exist" >&2; exit 255; }
            [ "$3" = -- ] || { echo "pct: missing --" >&2; exit 255; }
            shift 3
            exec "$@"

            """);
        File.SetUnixFileMode(pct, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        harness = new SshHarness(SshdSetUp.Server, options => options.PctCommand = pct, node => GuestTarget.Pct(node, BackendVmId));
    }

    [TearDown]
    public void Delete()
    {
        harness.Dispose();
        folder.Dispose();
    }

    [Test]
    public void The_node_receives_pct_exec_with_the_command_under_timeout_quoted_once_more()
    {
        var line = harness.Shell.Remote(GuestCommand.Of("echo", "it's"), TimeSpan.FromSeconds(30)).Value!.Line;

        Assert.That(line, Is.EqualTo($"exec </dev/null; '{harness.Options.PctCommand}' 'exec' '441' '--' 'timeout' '-k' '5' '35' 'sh' '-c' ''\\''echo'\\'' '\\''it'\\''\\'\\'''\\''s'\\'''"));
    }

    [Test]
    public async Task A_command_runs_through_pct_exec_with_its_exit_code_and_stderr()
    {
        var outcome = await harness.Shell.RunAsync(GuestCommand.Of("sh", "-c", "echo \"$1\"; echo oops >&2; exit 3", "sh", "a b"), Timeout, CancellationToken.None);

        Assert.That(outcome.Value, Is.EqualTo(new GuestCommandResult(3, "a b\n", "oops\n", false, false)));
    }

    [Test]
    public async Task A_command_for_a_container_that_does_not_exist_reports_pct_s_error()
    {
        using var other = new SshHarness(SshdSetUp.Server, options => options.PctCommand = harness.Options.PctCommand, node => GuestTarget.Pct(node, new VmId(999)));

        var outcome = await other.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        Assert.That(outcome.Value!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Value.Stderr, Does.Contain("999.conf"));
    }

    [Test]
    public async Task A_file_is_written_atomically_with_mode_and_read_back()
    {
        var path = folder.File("flags dir/feature-flags.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = Encoding.UTF8.GetBytes("{\"chat-v2\":{\"enabled\":true,\"rollout\":5}}\n'; touch x");

        var written = await harness.Shell.WriteFileAtomicAsync(path, content, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, new GuestFileOwner("root", "root"), CancellationToken.None);
        var read = await harness.Shell.ReadFileAsync(path, 4096, CancellationToken.None);

        Assert.That(written.Error, Is.Null);
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(content));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }));
        Assert.That(read.Value!.Content.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public async Task Binary_content_survives_the_round_trip()
    {
        var path = folder.File("blob.bin");
        var content = Enumerable.Range(0, 256 * 1024).Select(i => (byte)(i * 7)).ToArray();

        await harness.Shell.WriteFileAtomicAsync(path, content, UnixFileMode.UserRead | UnixFileMode.UserWrite, null, CancellationToken.None);
        var read = await harness.Shell.ReadFileAsync(path, content.Length, CancellationToken.None);

        Assert.That(read.Value!.Content.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public async Task An_empty_file_is_written_without_waiting_for_input()
    {
        var path = folder.File("empty");

        var written = await harness.Shell.WriteFileAtomicAsync(path, ReadOnlyMemory<byte>.Empty, UnixFileMode.UserRead, null, CancellationToken.None);

        Assert.That(written.Error, Is.Null);
        Assert.That(new FileInfo(path).Length, Is.Zero);
    }

    [Test]
    public async Task Reading_reports_a_missing_file_and_a_file_past_the_limit_as_typed_errors()
    {
        var large = folder.File("large");
        File.WriteAllBytes(large, new byte[2000]);

        var missing = await harness.Shell.ReadFileAsync(folder.File("absent"), 1024, CancellationToken.None);
        var tooLarge = await harness.Shell.ReadFileAsync(large, 1024, CancellationToken.None);

        Assert.That(missing.Error!.Kind, Is.EqualTo(GuestErrorKind.FileNotFound));
        Assert.That(tooLarge.Error!.Kind, Is.EqualTo(GuestErrorKind.FileTooLarge));
    }

    [Test]
    public async Task A_failed_write_keeps_the_target_and_leaves_no_temporary_file()
    {
        var path = folder.File("kept.json");
        File.WriteAllText(path, "kept");

        var outcome = await harness.Shell.WriteFileAtomicAsync(path, "x"u8.ToArray(), UnixFileMode.UserRead, new GuestFileOwner("no-such-user-zr", "root"), CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.Failed));
        Assert.That(File.ReadAllText(path), Is.EqualTo("kept"));
        Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "pct", "kept.json" }));
    }
}
