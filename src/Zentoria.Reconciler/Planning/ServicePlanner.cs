using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>Plans a service's version against the version it reports.</summary>
internal static class ServicePlanner
{
    public const string VersionField = "version";

    public static IEnumerable<PlanStep> Plan(ServiceSpec spec, LiveService? live, int wave)
    {
        // A service that was not observed, or whose version could not be read, is unknown rather than wrong:
        // deploying on a failed read would redeploy the whole stack whenever the guests are unreachable.
        if (spec.Version is null || live?.Version is null || spec.Drift.Mode == DriftMode.Suspend || spec.Drift.Ignores(VersionField)
            || string.Equals(spec.Version, live.Version, StringComparison.Ordinal))
        {
            yield break;
        }

        var warn = spec.Drift.Mode == DriftMode.Warn;
        yield return new PlanStep(
            PlanUnit.Service(spec.Name),
            StepAction.Deploy,
            [new FieldChange(VersionField, live.Version, spec.Version)],
            $"{spec.Name} runs {live.Version}; the desired version is {spec.Version}. {Strategy(spec)}{Migrations(spec)}"
                + (warn ? " Drift mode is Warn: this is reported, not corrected." : ""),
            spec.Strategy.Type == StrategyKind.Rolling ? Disruption.Downtime : Disruption.None,
            wave,
            warn);
    }

    private static string Strategy(ServiceSpec spec) => spec.Strategy.Type switch
    {
        StrategyKind.BlueGreen => $"Blue/green: the new version starts on clone {Clone(spec)}, traffic switches at the proxy after health checks.",
        StrategyKind.Canary => $"Canary: traffic moves to clone {Clone(spec)} in steps of {string.Join(", ", spec.Strategy.Steps)}% while analysis passes.",
        _ => "Rolling: deployed in place, with a short downtime.",
    };

    private static string Clone(ServiceSpec spec) => spec.Strategy.CloneVmId is { } id ? $"CT {id}" : "a temporary clone";

    private static string Migrations(ServiceSpec spec) => spec.Migrations switch
    {
        null => "",
        { Backup.SnapshotOf: { } db } => $" Migrations ({spec.Migrations.Command}) run first, after a snapshot of {db}.",
        { Backup.Dump: { } dump } => $" Migrations ({spec.Migrations.Command}) run first, after a dump to {dump.Path} in {dump.Container}.",
        _ => $" Migrations ({spec.Migrations.Command}) run first.",
    };
}
