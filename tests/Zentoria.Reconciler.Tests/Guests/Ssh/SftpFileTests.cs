using System.Runtime.Versioning;
using System.Text;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>Files over SFTP in direct mode. sshd runs on this machine, so the test reads the results directly.</summary>
[Category("Integration")]
[SupportedOSPlatform("linux")]
internal sealed class SftpFileTests
{
    private const UnixFileMode Mode0640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private TemporaryFolder folder = null!;
    private SshHarness harness = null!;

    [SetUp]
    public void Create()
    {
        folder = new TemporaryFolder();
        harness = new SshHarness(SshdSetUp.Server);
    }

    [TearDown]
    public void Delete()
    {
        harness.Dispose();
        folder.Dispose();
    }

    [Test]
    public async Task A_written_file_has_the_content_and_mode_and_no_temporary_file_is_left()
    {
        var path = folder.File("feature-flags.json");

        var outcome = await harness.Shell.WriteFileAtomicAsync(path, "{\"a\":1}"u8.ToArray(), Mode0640, null, CancellationToken.None);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"a\":1}"));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(Mode0640));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task Writing_replaces_an_existing_file_and_sets_a_numeric_owner()
    {
        var path = folder.File("flags.json");
        File.WriteAllText(path, "old content that is longer than the new one");

        var outcome = await harness.Shell.WriteFileAtomicAsync(path, "new"u8.ToArray(), Mode0640 | UnixFileMode.OtherRead, new GuestFileOwner("0", "0"), CancellationToken.None);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(Mode0640 | UnixFileMode.OtherRead));
    }

    [Test]
    public async Task An_owner_given_by_name_is_set_through_chown()
    {
        var path = folder.File("named.json");

        var outcome = await harness.Shell.WriteFileAtomicAsync(path, "x"u8.ToArray(), Mode0640, new GuestFileOwner("root", "root"), CancellationToken.None);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task An_unknown_owner_fails_and_leaves_the_target_and_no_temporary_file()
    {
        var path = folder.File("kept.json");
        File.WriteAllText(path, "kept");

        var outcome = await harness.Shell.WriteFileAtomicAsync(path, "x"u8.ToArray(), Mode0640, new GuestFileOwner("no-such-user-zr", "no-such-group-zr"), CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.Failed));
        Assert.That(File.ReadAllText(path), Is.EqualTo("kept"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task A_concurrent_reader_never_sees_a_half_written_file()
    {
        var path = folder.File("big.json");
        var first = Encoding.ASCII.GetBytes(new string('a', 2 * 1024 * 1024));
        var second = Encoding.ASCII.GetBytes(new string('b', 2 * 1024 * 1024));
        File.WriteAllBytes(path, first);
        using var stop = new CancellationTokenSource();
        var seen = new HashSet<string>();
        var reader = Task.Run(() =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested && reads++ < 1_000_000)
            {
                var content = File.ReadAllBytes(path);
                var distinct = content.Length == first.Length && (content.AsSpan().IndexOfAnyExcept(content[0]) < 0)
                    ? ((char)content[0]).ToString()
                    : $"torn ({content.Length} bytes)";
                lock (seen)
                {
                    seen.Add(distinct);
                }
            }
        });

        for (var i = 0; i < 6; i++)
        {
            var outcome = await harness.Shell.WriteFileAtomicAsync(path, i % 2 == 0 ? second : first, Mode0640, null, CancellationToken.None);
            Assert.That(outcome.Error, Is.Null);
        }

        await stop.CancelAsync();
        await reader;
        Assert.That(seen, Is.SubsetOf(new[] { "a", "b" }));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task A_file_is_read_whole()
    {
        var path = folder.File("read.json");
        File.WriteAllText(path, "{\"status\":\"ok\"}");

        var outcome = await harness.Shell.ReadFileAsync(path, 1024, CancellationToken.None);

        Assert.That(Encoding.UTF8.GetString(outcome.Value!.Content.Span), Is.EqualTo("{\"status\":\"ok\"}"));
    }

    [Test]
    public async Task A_missing_file_is_a_file_not_found_error()
    {
        var outcome = await harness.Shell.ReadFileAsync(folder.File("absent.json"), 1024, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.FileNotFound));
    }

    [Test]
    public async Task A_file_past_the_limit_is_an_error_not_a_prefix()
    {
        var path = folder.File("large.json");
        File.WriteAllBytes(path, new byte[1025]);

        var outcome = await harness.Shell.ReadFileAsync(path, 1024, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.FileTooLarge));
    }

    [Test]
    public async Task A_relative_path_is_refused()
    {
        var outcome = await harness.Shell.ReadFileAsync("etc/passwd", 1024, CancellationToken.None);

        Assert.That(outcome.Error!.Message, Does.Contain("not an absolute"));
    }
}
