using System.Text;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Simulated;

namespace Zentoria.Reconciler.Tests.Guests.Simulated;

internal sealed class SimulatedGuestShellTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static SimulatedGuestShell NewShell() => new("backend", new FakeTimeProvider());

    [Test]
    public async Task A_written_file_reads_back_with_its_mode_and_owner()
    {
        var shell = NewShell();
        var content = Encoding.UTF8.GetBytes("{}\n");

        var written = await shell.WriteFileAtomicAsync("/opt/app/flags.json", content, UnixFileMode.UserRead | UnixFileMode.UserWrite, new GuestFileOwner("node", "node"), CancellationToken.None);
        content[0] = (byte)'x';
        var read = await shell.ReadFileAsync("/opt/app/flags.json", 1024, CancellationToken.None);

        Assert.That(written.Succeeded, Is.True);
        Assert.That(read.Succeeded, Is.True);
        Assert.That(Encoding.UTF8.GetString(read.Value!.Content.Span), Is.EqualTo("{}\n"), "the write copied the buffer");
        Assert.That(shell.Find("/opt/app/flags.json")!.Mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(shell.Find("/opt/app/flags.json")!.Owner, Is.EqualTo(new GuestFileOwner("node", "node")));
    }

    [Test]
    public async Task A_missing_file_is_FileNotFound()
    {
        var read = await NewShell().ReadFileAsync("/nope.json", 1024, CancellationToken.None);

        Assert.That(read.Error?.Kind, Is.EqualTo(GuestErrorKind.FileNotFound));
    }

    [Test]
    public async Task A_read_past_the_limit_is_FileTooLarge_not_a_prefix()
    {
        var shell = NewShell();
        shell.Seed("/big", new byte[2048]);

        var read = await shell.ReadFileAsync("/big", 1024, CancellationToken.None);
        var exact = await shell.ReadFileAsync("/big", 2048, CancellationToken.None);

        Assert.That(read.Error?.Kind, Is.EqualTo(GuestErrorKind.FileTooLarge));
        Assert.That(exact.Value?.Content.Length, Is.EqualTo(2048));
    }

    [TestCase("relative/path")]
    [TestCase("/folder/")]
    [TestCase("")]
    public async Task A_path_that_is_not_an_absolute_file_is_refused(string path)
    {
        var shell = NewShell();

        var write = await shell.WriteFileAtomicAsync(path, new byte[1], UnixFileMode.UserRead, null, CancellationToken.None);
        var read = await shell.ReadFileAsync(path, 10, CancellationToken.None);

        Assert.That(write.Error?.Kind, Is.EqualTo(GuestErrorKind.Failed));
        Assert.That(read.Error?.Kind, Is.EqualTo(GuestErrorKind.Failed));
    }

    [Test]
    public async Task Concurrent_writers_and_readers_see_whole_files_only()
    {
        var shell = NewShell();
        var contents = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)('a' + i), 4096).ToArray()).ToArray();
        shell.Seed("/f", contents[0]);

        var writers = contents.Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await shell.WriteFileAtomicAsync("/f", c, UnixFileMode.UserRead, null, CancellationToken.None);
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var torn = 0;
            for (var i = 0; i < 500; i++)
            {
                var bytes = (await shell.ReadFileAsync("/f", 8192, CancellationToken.None)).Value!.Content.ToArray();
                torn += bytes.Length == 4096 && bytes.All(b => b == bytes[0]) ? 0 : 1;
            }

            return torn;
        })).ToArray();
        await Task.WhenAll(writers);

        Assert.That((await Task.WhenAll(readers)).Sum(), Is.Zero);
    }

    [Test]
    public async Task An_unknown_command_exits_127_with_a_clear_stderr()
    {
        var result = await NewShell().RunAsync(GuestCommand.Of("systemctl", "restart", "gateway"), Timeout, CancellationToken.None);

        Assert.That(result.Value!.ExitCode, Is.EqualTo(SimulatedGuestShell.NotFound));
        Assert.That(result.Value.Stderr, Does.Contain("systemctl: not found").And.Contain("simulated guest backend"));
    }

    [Test]
    public async Task True_cat_and_taught_commands_answer()
    {
        var shell = NewShell();
        shell.Seed("/etc/hello", "hi\n"u8);
        shell.Handle("reload-flags", args => new GuestCommandResult(0, $"reloaded {args.Length - 1}\n", "", false, false));

        var ok = await shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);
        var cat = await shell.RunAsync(GuestCommand.Of("cat", "/etc/hello"), Timeout, CancellationToken.None);
        var missing = await shell.RunAsync(GuestCommand.Of("cat", "/etc/nothing"), Timeout, CancellationToken.None);
        var taught = await shell.RunAsync(GuestCommand.Of("reload-flags", "a", "b"), Timeout, CancellationToken.None);

        Assert.That(ok.Value!.Succeeded, Is.True);
        Assert.That(cat.Value!.Stdout, Is.EqualTo("hi\n"));
        Assert.That(missing.Value!.ExitCode, Is.EqualTo(1));
        Assert.That(missing.Value.Stderr, Does.Contain("No such file"));
        Assert.That(taught.Value!.Stdout, Is.EqualTo("reloaded 2\n"));
        Assert.That(shell.Commands.Select(c => c.Arguments[0]), Is.EqualTo(new[] { "true", "cat", "cat", "reload-flags" }));
    }

    [Test]
    public void Cancellation_throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAsync<OperationCanceledException>(() => NewShell().ReadFileAsync("/f", 10, cancelled.Token));
    }
}
