using System.Text;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Sandbox;

/// <summary>The few lines a newcomer reads: what the sandbox found, what the operator did, where to look next.</summary>
internal static class SandboxSummary
{
    public static string Found(Plan plan, int desiredContainers, int liveContainers)
    {
        var text = new StringBuilder();
        var containerSteps = plan.Steps.Where(s => s.Unit.Kind == UnitKind.Container).ToList();
        var flagSteps = plan.Steps.Where(s => s.Unit.Kind == UnitKind.FeatureFlags).ToList();
        text.AppendLine($"Found {liveContainers} of {desiredContainers} desired containers on the simulated Proxmox node, drifted on purpose; {containerSteps.Count + flagSteps.Count} steps to take:");
        foreach (var step in containerSteps)
        {
            var changes = step.Changes.IsEmpty ? "" : ": " + string.Join(", ", step.Changes.Select(c => $"{c.Field} {c.From ?? "(none)"} -> {c.To ?? "(none)"}"));
            text.AppendLine($"  {step.Action.ToString().ToLowerInvariant(),-8} {step.Unit}{(step.ReportOnly ? " (report only)" : "")}{(step.Action == StepAction.Create ? "" : changes)}");
        }

        foreach (var step in flagSteps)
        {
            text.AppendLine($"  {"flags",-8} {step.Unit}: {string.Join(", ", step.Changes.Select(c => $"{c.Field} {c.From ?? "(none)"} -> {c.To ?? "(none)"}"))}");
        }

        var other = plan.Steps.Count(s => s.Unit.Kind == UnitKind.Service);
        if (other > 0)
        {
            text.AppendLine($"  (and {other} service steps, which the operator does not apply yet)");
        }

        return text.ToString();
    }

    public static string Finished(string outcome, TimeSpan elapsed, StatusSnapshot snapshot, int containerStepsLeft)
    {
        var containers = snapshot.Units.Where(u => u.Kind == "Container").ToList();
        var good = containers.Count(u => u.Sync == SyncStatus.Synced && u.Health == HealthStatus.Healthy);
        return $"Sandbox {outcome} after {elapsed.TotalSeconds:0.0} s: {good} of {containers.Count} containers Synced and Healthy; "
            + $"a fresh observation finds {containerStepsLeft} container steps left.{Environment.NewLine}";
    }

    public static string Running(Uri address) =>
        $"""
        The operator keeps running against the sandbox. Look at it:
          {address}metrics          Prometheus metrics
          {address}status           status JSON (or: zentoria-reconciler status --url {address.GetLeftPart(UriPartial.Authority)})
        Change a value in desired-state/environments/sandbox/stack.yaml (say the backend's memory) and watch it converge.
        Press Ctrl+C to stop.

        """;
}
