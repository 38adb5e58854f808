using System.Text;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Services.Migrations;
using Zentoria.Reconciler.Tests.Guests.Ssh;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Reconciliation.Services.Migrations;

/// <summary>
/// Migrations against a real PostgreSQL with every command (pg_dump, psql, pg_restore) run over a real sshd on
/// loopback, as the operator runs them inside the database's container.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class PostgresMigrationTests
{
    private const string Rows = "1|alpha|10\n2|beta|20\n3|gamma|30";

    private RealPostgres postgres = null!;
    private RealSshd sshd = null!;
    private SshHarness ssh = null!;
    private ProxmoxClient unusedProxmox = null!;
    private string database = "";

    [OneTimeSetUp]
    public void StartServers()
    {
        postgres = RealPostgres.Start();
        sshd = RealSshd.Start();
        ssh = new SshHarness(sshd);

        // A dump backup never calls Proxmox; a closed loopback port proves it.
        unusedProxmox = ProxmoxClient.Create(new ProxmoxClientOptions { BaseUrl = new Uri("https://127.0.0.1:9/"), ApiToken = "root@pam!unused=00000000-0000-0000-0000-000000000000" });
    }

    [OneTimeTearDown]
    public void StopServers()
    {
        unusedProxmox?.Dispose();
        ssh?.Dispose();
        sshd?.Dispose();
        postgres?.Dispose();
    }

    [SetUp]
    public void CreateDatabase()
    {
        database = "app_" + Guid.NewGuid().ToString("N")[..12];
        postgres.CreateDatabase(database);
        postgres.Psql(database, "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int NOT NULL); INSERT INTO items VALUES (1, 'alpha', 10), (2, 'beta', 20), (3, 'gamma', 30);");
    }

    [TestCase("custom")]
    [TestCase("plain")]
    public async Task A_migration_runs_after_a_dump_backup_that_is_a_valid_non_empty_dump(string format)
    {
        WriteMigration("v2", "ALTER TABLE items ADD COLUMN note text NOT NULL DEFAULT 'migrated';");
        using var harness = Harness(format);

        var outcome = await harness.RunAsync("v2");

        var dump = File.ReadAllBytes(DumpPath);
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.InstanceOf<MigrationSucceeded>(), outcome.Message);
            Assert.That(dump, Is.Not.Empty);
            Assert.That(Encoding.ASCII.GetString(dump, 0, 5), format == "custom" ? Is.EqualTo("PGDMP") : Is.EqualTo("--\n--"));
            Assert.That(Columns(), Is.EqualTo("id,name,note,qty"));
            Assert.That(postgres.Psql(database, "SELECT count(*) FROM items WHERE note = 'migrated';"), Is.EqualTo("3"));
            Assert.That(harness.Actions(), Is.EqualTo(new[] { ("premigrate-dump", "Succeeded"), ("migrate", "Succeeded") }));
        });
    }

    [Test]
    public async Task A_failing_migration_restores_the_dump_and_the_data_is_intact()
    {
        // psql without a single transaction commits each statement: the delete and the new column are real damage.
        WriteMigration("v3", "DELETE FROM items WHERE id > 1;\nUPDATE items SET name = 'changed';\nALTER TABLE items ADD COLUMN broken int;\nSELECT 1 / 0;");
        using var harness = Harness("custom");
        var before = Contents();

        var outcome = await harness.RunAsync("v3");

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(Rows));
            var failed = outcome as MigrationFailed;
            Assert.That(failed, Is.Not.Null, outcome.Message);
            Assert.That(failed!.Restored, Is.True, failed.Reason);
            Assert.That(failed.Reason, Does.Contain("division by zero").And.Contain("was restored"));
            Assert.That(postgres.Psql(database, "SELECT count(*) FROM items;"), Is.EqualTo("3"));
            Assert.That(Contents(), Is.EqualTo(before));
            Assert.That(Columns(), Is.EqualTo("id,name,qty"));
            Assert.That(harness.Actions(), Is.EqualTo(new[] { ("premigrate-dump", "Succeeded"), ("migrate", "Failed"), ("restore-dump", "Succeeded") }));
        });
    }

    [Test]
    public async Task A_successful_migration_is_not_run_again_for_the_same_version_even_after_a_restart()
    {
        WriteMigration("v2", "CREATE TABLE IF NOT EXISTS migration_runs (at timestamptz NOT NULL DEFAULT now()); INSERT INTO migration_runs DEFAULT VALUES;");
        using var harness = Harness("custom");

        var first = await harness.RunAsync("v2");
        var again = await harness.RunAsync("v2");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.InstanceOf<MigrationSucceeded>(), first.Message);
            Assert.That(again, Is.InstanceOf<MigrationSkipped>(), again.Message);
            Assert.That(again.Message, Does.Contain("already succeeded"));
            Assert.That(postgres.Psql(database, "SELECT count(*) FROM migration_runs;"), Is.EqualTo("1"));
            Assert.That(File.Exists(harness.State.File(MigrationRecords.FileName)), Is.True);
            Assert.That(harness.Actions().Count(a => a.Action == "migrate"), Is.EqualTo(1));
        });
    }

    [TestCase("[\"touch\", \"{file}\"]", "the dump file is empty")]
    [TestCase("[\"sh\", \"-c\", \"echo 'not a dump' > \\\"$1\\\"\", \"sh\", \"{file}\"]", "is not a PostgreSQL dump")]
    [TestCase("[\"pg_dump\", \"-h\", \"127.0.0.1\", \"-p\", \"{port}\", \"-U\", \"postgres\", \"-Fc\", \"-f\", \"{file}\", \"no_such_database\"]", "the dump command failed: exit 1")]
    public async Task An_empty_invalid_or_failed_dump_aborts_before_migrating(string dumpCommand, string reason)
    {
        WriteMigration("v2", "ALTER TABLE items ADD COLUMN note text;");
        using var harness = Harness("custom", dumpCommand.Replace("{port}", postgres.PortText, StringComparison.Ordinal));

        var outcome = await harness.RunAsync("v2");

        Assert.Multiple(() =>
        {
            var failed = outcome as MigrationFailed;
            Assert.That(failed, Is.Not.Null, outcome.Message);
            Assert.That(failed!.Restored, Is.False);
            Assert.That(failed.Reason, Does.Contain(reason).And.Contain("were not run"));
            Assert.That(Columns(), Is.EqualTo("id,name,qty"));
            Assert.That(Contents(), Is.EqualTo(Rows));
            Assert.That(harness.Actions(), Is.EqualTo(new[] { ("premigrate-dump", "Failed") }));
            Assert.That(File.Exists(harness.State.File(MigrationRecords.FileName)), Is.False);
        });
    }

    private string DumpPath => Path.Join(postgres.Scratch, database + ".dump");

    private string MigrationFile(string version) => Path.Join(postgres.Scratch, $"{database}-{version}.sql");

    private void WriteMigration(string version, string sql) => File.WriteAllText(MigrationFile(version), sql + "\n");

    private string Contents() => postgres.Psql(database, "SELECT id, name, qty FROM items ORDER BY id;");

    private string Columns() =>
        postgres.Psql(database, "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'items';");

    private MigrationHarness Harness(string format, string? dumpCommand = null)
    {
        var migrate = Json([.. postgres.ClientArguments.Prepend("psql"), "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-f", MigrationFile("{version}")]);
        var dump = dumpCommand ?? (format == "custom"
            ? Json(["pg_dump", .. postgres.ClientArguments, "-Fc", "-f", "{file}", database])
            : Json(["pg_dump", .. postgres.ClientArguments, "-Fp", "--clean", "--if-exists", "-f", "{file}", database]));
        var restore = format == "custom"
            ? Json(["pg_restore", .. postgres.ClientArguments, "--clean", "--if-exists", "--single-transaction", "-d", database, "{file}"])
            : Json(["psql", .. postgres.ClientArguments, "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "--single-transaction", "-f", "{file}"]);
        var yaml = $"""
              migrations:
                command: {migrate}
                timeout: 60s
                backup:
                  dump:
                    container: postgres
                    command: {dump}
                    path: {DumpPath}
                    restore: {restore}

            """;
        return new MigrationHarness(yaml, new ShellPerContainer(ssh.Shell), unusedProxmox);
    }

    private static string Json(string[] arguments) => System.Text.Json.JsonSerializer.Serialize(arguments);
}
