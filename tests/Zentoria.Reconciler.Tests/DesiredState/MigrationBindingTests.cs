using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Tests.Reconciliation.Services.Migrations;

namespace Zentoria.Reconciler.Tests.DesiredState;

internal sealed class MigrationBindingTests
{
    [Test]
    public void A_dump_backup_is_read_with_its_container_commands_path_and_the_timeout()
    {
        var migrations = Load("""
              migrations:
                command: ["npx", "prisma", "migrate", "deploy"]
                timeout: 90s
                backup:
                  dump:
                    container: postgres
                    command: ["pg_dump", "-Fc", "-f", "{file}", "app"]
                    path: /var/backups/app-premigrate.dump
                    restore: ["pg_restore", "--clean", "-d", "app", "{file}"]

            """);

        Assert.Multiple(() =>
        {
            Assert.That(migrations.Timeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(migrations.Backup.SnapshotOf, Is.Null);
            Assert.That(migrations.Backup.Dump, Is.EqualTo(new DumpSpec(new ContainerName("postgres"),
                new CommandTemplate(["pg_dump", "-Fc", "-f", "{file}", "app"]), "/var/backups/app-premigrate.dump",
                new CommandTemplate(["pg_restore", "--clean", "-d", "app", "{file}"]))).Using<DumpSpec>(SameDump));
        });
    }

    [Test]
    public void Without_a_timeout_each_migration_step_gets_ten_minutes() =>
        Assert.That(Load(MigrationHarness.MinimalMigrations).Timeout, Is.EqualTo(TimeSpan.FromMinutes(10)));

    private static bool SameDump(DumpSpec a, DumpSpec b) =>
        a.Container == b.Container && a.Path == b.Path
        && a.Command.Arguments.SequenceEqual(b.Command.Arguments) && a.Restore.Arguments.SequenceEqual(b.Restore.Arguments);

    private static MigrationSpec Load(string migrations) =>
        MigrationHarness.LoadWithMigrations(migrations).FindService(new ServiceName(MigrationHarness.Service))!.Migrations!;
}
