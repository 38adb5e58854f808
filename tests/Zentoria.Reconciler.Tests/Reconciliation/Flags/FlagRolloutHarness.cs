using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.TestSupport;
using UnitKind = Zentoria.Reconciler.Reconciliation.UnitKind;

namespace Zentoria.Reconciler.Tests.Reconciliation.Flags;

/// <summary>
/// One flag set of the minimal desired state (<c>api-flags</c>, read by service <c>api</c> in container
/// <c>backend</c>) reconciled by the real <see cref="FlagSetUnitReconciler"/> over a simulated guest, on a fake
/// clock. A test sets the service's health as the service's own reconcile would, and can restart the "operator":
/// only the guest's file and the state folder survive that.
/// </summary>
internal sealed class FlagRolloutHarness : IDisposable
{
    public const string File = "/opt/app/config/feature-flags.json";

    public static readonly UnitKey FlagSet = new(UnitKind.FeatureFlags, "api-flags");
    public static readonly UnitKey Service = new(UnitKind.Service, "api");

    private readonly TemporaryFolder work = new();
    private readonly StateFolder state;
    private readonly NodeMutationLock nodes = new();
    private readonly ActionLimiter limiter = new(new SchedulingOptions { MaxConcurrentActions = 4 });
    private FlagSetObserver observer = null!;
    private FlagSetUnitReconciler reconciler = null!;

    public FlagRolloutHarness(string flags)
    {
        Guests = new SimulatedGuests(Time);
        state = StateFolder.Open(work.File("state"), "test", _ => null, work.Path);
        Audit = new AuditTrail(state, new AuditOptions(), new SecretRedactor());
        Desired = Load(flags);
        Restart();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SimulatedGuests Guests { get; }

    public AuditTrail Audit { get; }

    public Desired Desired { get; private set; }

    public StatusStore Status { get; private set; } = null!;

    public UnitStatus Unit => Status.Find(FlagSet) ?? throw new AssertionException("No status for FeatureFlags/api-flags.");

    public int Writes => System.IO.File.Exists(Audit.CurrentPath) ? System.IO.File.ReadAllLines(Audit.CurrentPath).Length : 0;

    /// <summary>A fresh process: new status (the service's health Unknown until reported), journal, observer and reconciler.</summary>
    public void Restart()
    {
        Status = new StatusStore("test", Time, new SecretRedactor());
        var metrics = OperatorMetrics.Create("test");
        var runner = new ActionRunner(limiter, nodes, Journal.Open(state, Time), Audit, metrics, Time, NullLogger<ActionRunner>.Instance);
        var scheduler = new UnitScheduler(new BackoffPolicy(new SchedulingOptions(), () => 0.5), Time);
        var reporter = new UnitReporter(scheduler, Status, metrics, Time, NullLogger<UnitReporter>.Instance);
        observer = new FlagSetObserver(Guests);
        reconciler = new FlagSetUnitReconciler(observer, runner, reporter, Status, new SchedulingOptions(), state, Time, NullLogger<FlagSetUnitReconciler>.Instance);
    }

    /// <summary>Replaces the flags of <c>api-flags</c> in the desired state, as a new commit would.</summary>
    public void ChangeFlags(string flags) => Desired = Load(flags);

    /// <summary>Reports the owning service's health as its own unit would.</summary>
    public void ServiceIs(HealthStatus health) =>
        Status.Record(Service, ReconcileResult.Succeeded, SyncStatus.Synced, health, Desired.Revision);

    /// <summary>Observe, plan and reconcile the flag set once, as a pass does.</summary>
    public async Task<ReconcileResult> PassAsync()
    {
        var live = await observer.ObserveAsync(Desired, CancellationToken.None);
        var spec = Desired.FeatureFlags.Single();
        var steps = FlagSetPlanner.Plan(spec, live.SingleOrDefault(), 0).ToList();
        var (_, result) = await reconciler.ReconcileAsync(new UnitWork(FlagSet, 0, SpecFingerprint.Of(spec), [], [.. steps], null, null), Desired, CancellationToken.None);
        return result;
    }

    /// <summary>The flag's percentage in the guest's file.</summary>
    public int Rollout(string flag)
    {
        var stored = Guests.Shell("backend").Find(File) ?? throw new AssertionException($"{File} was not written.");
        Assert.That(FlagFile.TryParse(stored.Content, out var file, out var error), Is.True, error?.Message);
        return file!.Flags.Single(f => f.Name == flag).Rollout;
    }

    public bool HasRolloutRecord => System.IO.File.Exists(state.File(FlagRolloutStore.FileName))
        && !System.IO.File.ReadAllText(state.File(FlagRolloutStore.FileName)).Contains("\"rollouts\": []", StringComparison.Ordinal);

    public void Dispose()
    {
        nodes.Dispose();
        limiter.Dispose();
        work.Dispose();
    }

    private static Desired Load(string flags)
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string>
        {
            ["base/flags.yaml"] = $$"""
                apiVersion: zentoria.ai/v1
                kind: FeatureFlags
                metadata: { name: api-flags }
                spec:
                  service: api
                  file: {{File}}
                  flags:
                {{flags}}
                """,
        });
        var loaded = DesiredStateLoader.Load(folder.Root, "test");
        Assert.That(loaded.Errors, Is.Empty, string.Join('\n', loaded.Errors));
        return loaded.Desired!;
    }
}
