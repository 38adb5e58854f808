using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Tests.Routing;

/// <summary>The writer's decisions on the simulated guest, for the paths a real NGINX cannot be made to take on demand.</summary>
internal sealed class UpstreamWriterTests
{
    private const string File = "/etc/nginx/zentoria/backend.conf";

    private static readonly UpstreamRouting Routing = UpstreamRouting.All("backend", UpstreamPool.Stable, new UpstreamEndpoint("127.0.2.241", 3000));

    private static readonly UpstreamTarget Target = new(new ServiceName("mcp-gateway"), "backend", new ServiceName("nginx"), new ContainerName("nginx"), File,
        NginxSpec.Default with { Test = new CommandTemplate(["nginx", "-t", "-q", "{file}"]) });

    private readonly UpstreamWriter writer = new(NullLogger<UpstreamWriter>.Instance);
    private SimulatedGuestShell proxy = null!;

    [SetUp]
    public void CreateProxy()
    {
        proxy = new SimulatedGuestShell("nginx", new FakeTimeProvider());
        proxy.Handle("mkdir", _ => Exit(0));
        proxy.Handle("nginx", _ => Exit(0));
    }

    [Test]
    public async Task A_first_write_creates_the_folder_then_writes_tests_and_reloads_in_that_order()
    {
        var result = await writer.WriteAsync(proxy, Target, Routing, reloadIfUnchanged: false, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Written), result.Message);
        Assert.That(proxy.Commands.Select(c => c.Arguments), Is.EqualTo(new[]
        {
            ImmutableArray.Create("mkdir", "-p", "--", "/etc/nginx/zentoria"),
            ImmutableArray.Create("nginx", "-t", "-q", File),
            ImmutableArray.Create("nginx", "-s", "reload"),
        }));
        Assert.That(UpstreamReader.Of(File, proxy.Find(File)!.Content.Span).Routing, Is.EqualTo(Routing));
        Assert.That(proxy.Find(File)!.Mode, Is.EqualTo(UpstreamWriter.FileMode));
    }

    [Test]
    public async Task Asked_to_reload_an_unchanged_file_it_tests_and_reloads_without_writing()
    {
        await writer.WriteAsync(proxy, Target, Routing, reloadIfUnchanged: false, CancellationToken.None);
        var written = proxy.Find(File)!;

        var result = await writer.WriteAsync(proxy, Target, Routing, reloadIfUnchanged: true, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Unchanged));
        Assert.That(proxy.Commands.Count(c => c.Arguments is [_, "-s", "reload"]), Is.EqualTo(2));
        Assert.That(proxy.Find(File)!.Content.ToArray(), Is.EqualTo(written.Content.ToArray()));
    }

    [Test]
    public async Task A_rejected_first_file_that_cannot_be_removed_is_reported_as_not_what_nginx_runs()
    {
        proxy.Handle("nginx", arguments => arguments.Contains("-t") ? Exit(1, "nginx: [emerg] unexpected \"}\" in /etc/nginx/zentoria/backend.conf:6") : Exit(0));

        // The simulated guest knows no rm, so taking the new file away fails.
        var result = await writer.WriteAsync(proxy, Target, Routing, reloadIfUnchanged: false, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.RestoreFailed));
        Assert.That(result.TrafficUnchanged, Is.False);
        Assert.That(result.Message, Does.Contain("[emerg] unexpected").And.Contain("could not be put back"));
        Assert.That(result.Output, Does.Contain("backend.conf:6"));
        Assert.That(result.ToReconcileResult(), Is.TypeOf<TransientError>());
        Assert.That(proxy.Commands.Any(c => c.Arguments is [_, "-s", "reload"]), Is.False);
    }

    [Test]
    public async Task A_routing_that_cannot_be_written_changes_nothing_and_is_terminal()
    {
        var bad = UpstreamRouting.All("backend", UpstreamPool.Stable, new UpstreamEndpoint("127.0.2.241;", 3000));

        var result = await writer.WriteAsync(proxy, Target, bad, reloadIfUnchanged: false, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Invalid));
        Assert.That(result.ToReconcileResult(), Is.TypeOf<TerminalError>());
        Assert.That(proxy.Find(File), Is.Null);
        Assert.That(proxy.Commands, Is.Empty);
    }

    [Test]
    public async Task A_command_with_a_placeholder_that_has_no_value_is_terminal_before_anything_is_written()
    {
        var target = Target with { Nginx = Target.Nginx with { Reload = new CommandTemplate(["nginx", "-s", "reload", "{version}"]) } };

        var result = await writer.WriteAsync(proxy, target, Routing, reloadIfUnchanged: false, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(UpstreamWriteOutcome.Invalid));
        Assert.That(result.Message, Does.Contain("{version}"));
        Assert.That(proxy.Find(File), Is.Null);
    }

    [Test]
    public async Task A_write_cancelled_before_its_check_puts_the_previous_file_back_and_throws()
    {
        proxy.Seed(File, UpstreamFile.Render(Routing, Target.Service).Content);
        using var cancel = new CancellationTokenSource();
        var cancelling = new CancelAfterWrite(proxy, cancel);

        var write = writer.WriteAsync(cancelling, Target, UpstreamRouting.All("backend", UpstreamPool.Canary, new UpstreamEndpoint("127.0.2.211", 3000)), false, cancel.Token);

        Assert.That(async () => await write, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(UpstreamReader.Of(File, proxy.Find(File)!.Content.Span).Routing, Is.EqualTo(Routing));
        Assert.That(proxy.Commands, Is.Empty);
    }

    private static GuestCommandResult Exit(int code, string stderr = "") => new(code, "", stderr, false, false);

    /// <summary>The simulated guest, with the caller cancelling right after the file is written.</summary>
    private sealed class CancelAfterWrite(SimulatedGuestShell inner, CancellationTokenSource cancel) : IGuestShell
    {
        public Task<GuestOutcome<GuestCommandResult>> RunAsync(GuestCommand command, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.RunAsync(command, timeout, cancellationToken);

        public Task<GuestOutcome<GuestFile>> ReadFileAsync(string path, int maxBytes, CancellationToken cancellationToken) =>
            inner.ReadFileAsync(path, maxBytes, cancellationToken);

        public async Task<GuestOutcome<GuestFile>> WriteFileAtomicAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode mode, GuestFileOwner? owner, CancellationToken cancellationToken)
        {
            var written = await inner.WriteFileAtomicAsync(path, content, mode, owner, cancellationToken);
            await cancel.CancelAsync();
            return written;
        }
    }
}
