using System.Security.Cryptography;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>The server offers its ed25519 host key (SSH.NET prefers it over RSA).</summary>
[Category("Integration")]
internal sealed class HostKeyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private TemporaryFolder folder = null!;

    private static RealSshd Server => SshdSetUp.Server;

    private static string HostName => KnownHosts.HostName(RealSshd.Host, Server.Port);

    [SetUp]
    public void Create() => folder = new TemporaryFolder();

    [TearDown]
    public void Delete() => folder.Dispose();

    [Test]
    public async Task The_pinned_fingerprint_of_the_host_key_is_accepted()
    {
        var outcome = await RunAsync(options => options.PinnedFingerprint = Server.HostFingerprint("ed25519"));

        Assert.That(outcome.Error, Is.Null);
    }

    [Test]
    public async Task A_different_pinned_fingerprint_is_refused_in_one_line_naming_host_port_and_offered_fingerprint()
    {
        var outcome = await RunAsync(options => options.PinnedFingerprint = Server.HostFingerprint("rsa"));

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.HostKeyRefused));
        Assert.That(outcome.Error.Message, Does.Contain($"127.0.0.1:{Server.Port}").And.Contain(Server.HostFingerprint("ed25519")).And.Not.Contain("\n"));
    }

    [Test]
    public async Task A_known_hosts_entry_with_a_plain_name_is_accepted()
    {
        var outcome = await RunAsync(KnownHostsWith($"{HostName} {Server.HostPublicKey("ed25519")}"));

        Assert.That(outcome.Error, Is.Null);
    }

    [Test]
    public async Task A_known_hosts_entry_with_a_hashed_name_is_accepted()
    {
        var hashed = KnownHosts.Hash(HostName, RandomNumberGenerator.GetBytes(20));

        var outcome = await RunAsync(KnownHostsWith($"{hashed} {Server.HostPublicKey("ed25519")}"));

        Assert.That(outcome.Error, Is.Null);
    }

    [Test]
    public async Task A_known_hosts_file_written_by_ssh_keyscan_style_with_both_keys_is_accepted()
    {
        var outcome = await RunAsync(KnownHostsWith(
            $"# scanned\n{HostName} {Server.HostPublicKey("rsa")}\n{HostName} {Server.HostPublicKey("ed25519")} comment"));

        Assert.That(outcome.Error, Is.Null);
    }

    [Test]
    public async Task A_known_hosts_entry_with_another_key_for_the_host_is_refused()
    {
        var outcome = await RunAsync(KnownHostsWith($"{HostName} {Server.HostPublicKey("rsa")}"));

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.HostKeyRefused));
        Assert.That(outcome.Error.Message, Does.Contain("differs"));
    }

    [Test]
    public async Task A_host_missing_from_known_hosts_is_refused()
    {
        var outcome = await RunAsync(KnownHostsWith($"[127.0.0.2]:{Server.Port} {Server.HostPublicKey("ed25519")}\n127.0.0.1 {Server.HostPublicKey("ed25519")}"));

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.HostKeyRefused));
        Assert.That(outcome.Error.Message, Does.Contain("trust on first use is off"));
    }

    [Test]
    public async Task With_nothing_pinned_and_no_known_hosts_an_unknown_host_is_refused()
    {
        var outcome = await RunAsync(options => options.PinnedFingerprint = null);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.HostKeyRefused));
    }

    [Test]
    public async Task Trust_on_first_use_records_the_key_logs_it_and_trusts_it_next_time()
    {
        var file = folder.File("state/known_hosts");
        using var first = new SshHarness(Server, options => (options.PinnedFingerprint, options.TrustOnFirstUseFile) = (null, file));

        var outcome = await first.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(File.ReadAllText(file).Trim(), Is.EqualTo($"{HostName} {Server.HostPublicKey("ed25519")}"));
        Assert.That(first.Logger.Collector.GetSnapshot().Select(record => record.Message), Has.Some.Contains("on first use").And.Some.Contains(Server.HostFingerprint("ed25519")));

        using var second = new SshHarness(Server, options => (options.PinnedFingerprint, options.TrustOnFirstUseFile) = (null, file));
        Assert.That((await second.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None)).Error, Is.Null);
        Assert.That(File.ReadAllLines(file), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Trust_on_first_use_refuses_a_key_that_differs_from_the_recorded_one()
    {
        var file = folder.File("known_hosts");
        File.WriteAllText(file, $"{HostName} {Server.HostPublicKey("rsa")}\n");

        var outcome = await RunAsync(options => (options.PinnedFingerprint, options.TrustOnFirstUseFile) = (null, file));

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.HostKeyRefused));
        Assert.That(File.ReadAllLines(file), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task The_SFTP_connection_checks_the_host_key_too()
    {
        using var harness = new SshHarness(Server, options => options.PinnedFingerprint = Server.HostFingerprint("rsa"));

        var outcome = await harness.Shell.ReadFileAsync("/etc/hostname", 1024, CancellationToken.None);

        Assert.That(outcome.Error!.Kind, Is.EqualTo(GuestErrorKind.HostKeyRefused));
    }

    private Action<SshGuestOptions> KnownHostsWith(string content)
    {
        var file = folder.File("known_hosts");
        File.WriteAllText(file, content + "\n");
        return options => (options.PinnedFingerprint, options.KnownHostsFile) = (null, file);
    }

    private static async Task<GuestOutcome<GuestCommandResult>> RunAsync(Action<SshGuestOptions> configure)
    {
        using var harness = new SshHarness(Server, configure);
        return await harness.Shell.RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);
    }
}
