using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Services.Migrations;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Tests.Reconciliation.Services.Migrations;

/// <summary>The snapshot backup against the in-repo Proxmox simulator; the migration runs in a simulated guest.</summary>
[TestFixture]
internal sealed partial class SnapshotMigrationTests
{
    private const int Postgres = 404;
    private const string Expected = "zentoria-premigrate-v2-261126120000";

    private ProxmoxSimulator simulator = null!;
    private ProxmoxClient client = null!;
    private SimulatedGuests guests = null!;
    private MigrationHarness harness = null!;
    private int migrations;

    [SetUp]
    public async Task SetUp()
    {
        simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Port = 0, TaskDuration = TimeSpan.FromMilliseconds(20) }, CancellationToken.None);
        client = ProxmoxClient.Create(new ProxmoxClientOptions { BaseUrl = simulator.BaseUrl, ApiToken = simulator.Token });
        guests = new SimulatedGuests(new FakeTimeProvider());
        harness = new MigrationHarness(MigrationHarness.MinimalMigrations, guests, client);
        SandboxSeed.Apply(simulator.Cluster, harness.Desired);
        migrations = 0;
    }

    [TearDown]
    public async Task TearDown()
    {
        harness.Dispose();
        client.Dispose();
        await guests.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Test]
    public async Task A_snapshot_of_the_database_container_is_taken_before_the_migration_and_kept()
    {
        MigrationExits(0);

        var outcome = await harness.RunAsync("v2");

        var database = simulator.Cluster.FindContainer(Postgres)!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.InstanceOf<MigrationSucceeded>(), outcome.Message);
            Assert.That(((MigrationSucceeded)outcome).Backup, Does.Contain(Expected));
            Assert.That(database.Snapshots, Is.EqualTo(new[] { Expected }));
            Assert.That(migrations, Is.EqualTo(1));
            Assert.That(Tasks("vzrollback"), Is.Zero);
            Assert.That(harness.Actions(), Is.EqualTo(new[] { ("premigrate-snapshot", "Succeeded"), ("migrate", "Succeeded") }));
        });
    }

    [Test]
    public async Task A_failing_migration_rolls_the_database_container_back_to_the_snapshot_and_starts_it()
    {
        MigrationExits(1);

        var outcome = await harness.RunAsync("v2");

        var database = simulator.Cluster.FindContainer(Postgres)!;
        Assert.Multiple(() =>
        {
            var failed = outcome as MigrationFailed;
            Assert.That(failed, Is.Not.Null, outcome.Message);
            Assert.That(failed!.Restored, Is.True);
            Assert.That(failed.Reason, Does.Contain("exit 1: Error: P3009 migrate found failed migrations").And.Contain(Expected));
            Assert.That(Tasks("vzrollback"), Is.EqualTo(1));
            Assert.That(database.Config["parent"], Is.EqualTo(Expected));
            Assert.That(database.Running, Is.True);
            Assert.That(harness.Actions(), Is.EqualTo(new[] { ("premigrate-snapshot", "Succeeded"), ("migrate", "Failed"), ("restore-snapshot", "Succeeded") }));
        });
    }

    [Test]
    public async Task When_the_snapshot_cannot_be_taken_nothing_is_migrated()
    {
        MigrationExits(0);
        simulator.Cluster.SetLock(Postgres, "backup");

        var outcome = await harness.RunAsync("v2");

        Assert.Multiple(() =>
        {
            var failed = outcome as MigrationFailed;
            Assert.That(failed, Is.Not.Null, outcome.Message);
            Assert.That(failed!.Restored, Is.False);
            Assert.That(failed.Reason, Does.Contain("CT is locked (backup)").And.Contain("were not run"));
            Assert.That(migrations, Is.Zero);
            Assert.That(simulator.Cluster.FindContainer(Postgres)!.Snapshots, Is.Empty);
        });
    }

    [Test]
    public void A_snapshot_name_follows_Proxmox_rules_for_any_version()
    {
        var at = new DateTimeOffset(2026, 11, 26, 23, 59, 58, TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(SnapshotBackup.NameFor("v1.4.2", at), Is.EqualTo("zentoria-premigrate-v1_4_2-261126215958"));
            foreach (var version in new[] { "v1.5.0-rc.1", "2026.11.26-build.4411+sha.deadbeef", "V2" })
            {
                var name = SnapshotBackup.NameFor(version, at);
                Assert.That(name, Has.Length.LessThanOrEqualTo(40));
                Assert.That(SnapshotName().IsMatch(name), Is.True, name);
            }
        });
    }

    [GeneratedRegex("^zentoria-premigrate-[a-z0-9_-]+-[0-9]{12}$")]
    private static partial Regex SnapshotName();

    private void MigrationExits(int code) =>
        guests.Shell("backend").Handle("npx", _ =>
        {
            Interlocked.Increment(ref migrations);
            return new GuestCommandResult(code, code == 0 ? "All migrations have been applied\n" : "", code == 0 ? "" : "Error: P3009 migrate found failed migrations\n", false, false);
        });

    private int Tasks(string type) => simulator.Cluster.TaskList().Count(t => t.Type == type);
}
