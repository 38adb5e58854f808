using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Guests;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Status;
using UnitKind = Zentoria.Reconciler.Reconciliation.UnitKind;

namespace Zentoria.Reconciler.Tests.Operator;

[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class FlagSetTests
{
    private const string FlagsFile = "/opt/zentoria/config/feature-flags.json";

    private static readonly UnitKey GatewayFlags = new(UnitKind.FeatureFlags, "gateway-flags");

    [Test]
    public async Task A_flag_at_the_wrong_percentage_is_corrected_and_the_file_carries_the_revision()
    {
        var guests = new SimulatedGuests(new FakeTimeProvider());
        await using var op = await OperatorOnSimulator.StartAsync(guests: guests);
        SandboxSeed.ApplyGuests(guests, op.Desired);

        var pass = await op.PassAsync();
        var again = await op.PassAsync();

        var file = Read(guests);
        Assert.Multiple(() =>
        {
            Assert.That(pass.ActionsTaken, Is.EqualTo(4 + 1), "the four container steps and the flags file");
            Assert.That(again.ActionsTaken, Is.Zero, "a converged file is not rewritten");
            Assert.That(file.Revision, Is.EqualTo(op.Desired.Revision));
            Assert.That(file.Flags.Single(f => f.Name == SandboxSeed.DriftedFlag), Is.EqualTo(new LiveFlag(SandboxSeed.DriftedFlag, false, 50)));
            Assert.That(file.Flags.Select(f => f.Name), Is.EqualTo(new[] { "chat-v2", "new-vector-db", "rag-search", "websocket-compression" }));
            Assert.That(Unit(op), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
        });
    }

    [Test]
    public async Task A_reload_that_failed_after_a_write_runs_again_on_the_next_pass_although_the_file_already_matches()
    {
        var guests = new SimulatedGuests(new FakeTimeProvider());
        await using var op = await OperatorOnSimulator.StartAsync(
            edit: copy => copy.Edit("base/feature-flags.yaml", "  file: /opt/zentoria/config/feature-flags.json\n",
                "  file: /opt/zentoria/config/feature-flags.json\n  reload: { command: [\"zentoria-reload\", \"{service}\"] }\n"),
            guests: guests);
        var reloads = 0;
        guests.Shell("backend").Handle("zentoria-reload", _ => ++reloads == 1
            ? new GuestCommandResult(1, "", "the service is restarting", Truncated: false, TimedOut: false)
            : new GuestCommandResult(0, "", "", Truncated: false, TimedOut: false));

        var scheduler = op.Host.Services.GetRequiredService<UnitScheduler>();
        await op.PassAsync();
        var afterFailure = Unit(op);
        scheduler.Wake(GatewayFlags);
        await op.PassAsync();
        scheduler.Wake(GatewayFlags);
        await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(afterFailure.Item1, Is.EqualTo(SyncStatus.OutOfSync));
            Assert.That(reloads, Is.EqualTo(2), "the failed reload ran once more, then no more");
            Assert.That(Unit(op), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
        });
    }

    [Test]
    public async Task A_missing_flags_file_is_created_with_every_flag()
    {
        var guests = new SimulatedGuests(new FakeTimeProvider());
        await using var op = await OperatorOnSimulator.StartAsync(guests: guests);

        await op.PassAsync();

        var file = Read(guests);
        Assert.Multiple(() =>
        {
            Assert.That(file.Revision, Is.EqualTo(op.Desired.Revision));
            Assert.That(file.Flags, Has.Length.EqualTo(4));
            Assert.That(file.Flags.Single(f => f.Name == "rag-search"), Is.EqualTo(new LiveFlag("rag-search", true, 100)));
            Assert.That(guests.Shell("backend").Find(FlagsFile)!.Mode.HasFlag(UnixFileMode.OtherRead), Is.True);
            Assert.That(Unit(op), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
        });
    }

    [Test]
    public async Task Drift_made_after_convergence_is_corrected_on_the_next_pass()
    {
        var guests = new SimulatedGuests(new FakeTimeProvider());
        await using var op = await OperatorOnSimulator.StartAsync(guests: guests);
        await op.PassAsync();
        var drifted = Read(guests).Flags.Select(f => f.Name == "chat-v2" ? f with { Enabled = true, Rollout = 100 } : f);
        guests.Shell("backend").Seed(FlagsFile, FlagFile.Of("by-hand", drifted).ToBytes());

        var pass = await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pass.ActionsTaken, Is.EqualTo(1));
            Assert.That(Read(guests).Flags.Single(f => f.Name == "chat-v2"), Is.EqualTo(new LiveFlag("chat-v2", false, 0)));
            Assert.That(Read(guests).Revision, Is.EqualTo(op.Desired.Revision));
        });
    }

    [Test]
    public async Task A_malformed_flags_file_is_reported_and_left_alone()
    {
        var guests = new SimulatedGuests(new FakeTimeProvider());
        guests.Shell("backend").Seed(FlagsFile, "{ not json"u8);
        await using var op = await OperatorOnSimulator.StartAsync(guests: guests);

        await op.PassAsync();

        var unit = op.Status.Find(GatewayFlags)!;
        Assert.Multiple(() =>
        {
            Assert.That(guests.Shell("backend").Find(FlagsFile)!.Content.ToArray(), Is.EqualTo("{ not json"u8.ToArray()));
            Assert.That(unit.Sync, Is.EqualTo(SyncStatus.Unknown));
            Assert.That(unit.Message, Does.Contain("not a flags file"));
        });
    }

    [Test]
    public async Task Without_guest_shells_flag_sets_stay_NotManaged()
    {
        await using var op = await OperatorOnSimulator.StartAsync();

        var pass = await op.PassAsync();

        Assert.That(pass.ActionsTaken, Is.EqualTo(4));
        Assert.That(op.Status.Find(GatewayFlags)!.Phase, Is.EqualTo("NotManaged"));
    }

    private static FlagFile Read(SimulatedGuests guests)
    {
        var stored = guests.Shell("backend").Find(FlagsFile) ?? throw new AssertionException($"{FlagsFile} was not written.");
        Assert.That(FlagFile.TryParse(stored.Content, out var file, out var error), Is.True, error?.Message);
        return file!;
    }

    private static (SyncStatus, HealthStatus) Unit(OperatorOnSimulator op) =>
        op.Status.Find(GatewayFlags) is { } unit ? (unit.Sync, unit.Health) : throw new AssertionException("No status for FeatureFlags/gateway-flags.");
}
