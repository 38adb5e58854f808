using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Services.Migrations;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Reconciliation.Services.Migrations;

/// <summary>
/// A <see cref="MigrationRunner"/> with the real parts around it (journal, audit trail, action runner, state folder)
/// over the minimal desired state, whose <c>api</c> service gets the <c>migrations</c> block a test writes.
/// </summary>
internal sealed class MigrationHarness : IDisposable
{
    public const string Service = "api";

    /// <summary>The minimal stack's <c>migrations</c> block of service <c>api</c>, as the minimal corpus writes it.</summary>
    public const string MinimalMigrations = "  migrations:\n    command: [\"npx\", \"prisma\", \"migrate\", \"deploy\"]\n    backup: { snapshotOf: postgres }\n";

    private readonly TemporaryFolder work = new();
    private readonly NodeMutationLock nodes = new();
    private readonly ActionLimiter limiter = new(new SchedulingOptions { MaxConcurrentActions = 4 });
    private readonly IGuestShellProvider guests;
    private readonly ProxmoxClient proxmox;

    public MigrationHarness(string migrationsYaml, IGuestShellProvider guests, ProxmoxClient proxmox)
    {
        this.guests = guests;
        this.proxmox = proxmox;
        Desired = LoadWithMigrations(migrationsYaml);
        State = StateFolder.Open(work.File("state"), "test", _ => null, work.Path);
        Audit = new AuditTrail(State, new AuditOptions(), new SecretRedactor());
    }

    public Desired Desired { get; }

    public ServiceSpec Api => Desired.FindService(new ServiceName(Service))!;

    public StateFolder State { get; }

    public AuditTrail Audit { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A runner as a fresh operator process would build it: only the state folder carries over.</summary>
    public MigrationRunner Runner()
    {
        var runner = new ActionRunner(limiter, nodes, Journal.Open(State, Time), Audit, OperatorMetrics.Create("test"), Time, NullLogger<ActionRunner>.Instance);
        return new MigrationRunner(guests, proxmox, runner, State, Time, NullLogger<MigrationRunner>.Instance);
    }

    public Task<MigrationOutcome> RunAsync(string version) =>
        Runner().RunAsync(new MigrationRequest(Desired, Api, version, "rev-" + version), CancellationToken.None);

    /// <summary>Each audited action as (action, result), in order.</summary>
    public IReadOnlyList<(string Action, string Result)> Actions() =>
        File.Exists(Audit.CurrentPath)
            ? [.. File.ReadAllLines(Audit.CurrentPath).Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return (json.RootElement.GetProperty("action").GetString()!, json.RootElement.GetProperty("result").GetString()!);
            })]
            : [];

    /// <summary>The minimal desired state with <see cref="MinimalMigrations"/> replaced by <paramref name="migrationsYaml"/>.</summary>
    public static Desired LoadWithMigrations(string migrationsYaml)
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var services = Path.Join(folder.Root, "base", "services.yaml");
        var text = File.ReadAllText(services);
        Assert.That(text, Does.Contain(MinimalMigrations));
        File.WriteAllText(services, text.Replace(MinimalMigrations, migrationsYaml, StringComparison.Ordinal));
        var loaded = DesiredStateLoader.Load(folder.Root, "test");
        Assert.That(loaded.Errors, Is.Empty, string.Join('\n', loaded.Errors));
        return loaded.Desired!;
    }

    public void Dispose()
    {
        nodes.Dispose();
        limiter.Dispose();
        work.Dispose();
    }
}
