using System.Text;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Simulated;
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
        var serviceSteps = plan.Steps.Where(s => s.Unit.Kind == UnitKind.Service).ToList();
        text.AppendLine($"Found {liveContainers} of {desiredContainers} desired containers on the simulated Proxmox node, drifted on purpose; {containerSteps.Count + flagSteps.Count + serviceSteps.Count} steps to take:");
        foreach (var step in containerSteps)
        {
            var changes = step.Changes.IsEmpty ? "" : ": " + string.Join(", ", step.Changes.Select(c => $"{c.Field} {c.From ?? "(none)"} -> {c.To ?? "(none)"}"));
            text.AppendLine($"  {step.Action.ToString().ToLowerInvariant(),-8} {step.Unit}{(step.ReportOnly ? " (report only)" : "")}{(step.Action == StepAction.Create ? "" : changes)}");
        }

        foreach (var step in flagSteps)
        {
            text.AppendLine($"  {"flags",-8} {step.Unit}: {string.Join(", ", step.Changes.Select(c => $"{c.Field} {c.From ?? "(none)"} -> {c.To ?? "(none)"}"))}");
        }

        foreach (var step in serviceSteps)
        {
            text.AppendLine($"  {"deploy",-8} {step.Unit}: {string.Join(", ", step.Changes.Select(c => $"{c.Field} {c.From ?? "(none)"} -> {c.To ?? "(none)"}"))}{(step.ReportOnly ? " (report only)" : "")}");
        }

        return text.ToString();
    }

    /// <summary>Where the simulated services really answer: their container's loopback address, on a port the OS picked.</summary>
    public static string Services(IEnumerable<SimulatedService> services)
    {
        var shown = services.Where(s => s.Endpoint is not null).Select(s => $"{s.Name} {s.Version ?? "(no version)"} at {s.Endpoint}").ToList();
        return shown.Count == 0 ? "" : $"Simulated services answer their health checks on loopback: {string.Join(", ", shown)}.{Environment.NewLine}";
    }

    /// <summary>Where to send requests through the simulated NGINX, to see which side of a release answers.</summary>
    /// <param name="upstreams">The upstreams, the one to show in the example first.</param>
    public static string Routes(string proxy, ServiceEndpoint? endpoint, IEnumerable<string> upstreams)
    {
        var names = upstreams.ToList();
        return endpoint is null || names.Count == 0 ? "" :
            $"The simulated NGINX ({proxy}) routes /<upstream>/ by the operator's upstream files ({string.Join(", ", names)}): curl -i http://{endpoint}/{names[0]}/health shows the version and, in X-Upstream-Addr, the side that answered.{Environment.NewLine}";
    }

    public static string Finished(string outcome, TimeSpan elapsed, StatusSnapshot snapshot, int containerStepsLeft)
    {
        var containers = snapshot.Units.Where(u => u.Kind == "Container").ToList();
        var good = containers.Count(u => u.Sync == SyncStatus.Synced && u.Health == HealthStatus.Healthy);
        var services = snapshot.Units.Where(u => u.Kind == "Service").ToList();
        var healthy = services.Count(u => u.Sync == SyncStatus.Synced && u.Health == HealthStatus.Healthy);
        var text = new StringBuilder($"Sandbox {outcome} after {elapsed.TotalSeconds:0.0} s: {good} of {containers.Count} containers and {healthy} of {services.Count} services Synced and Healthy; "
            + $"a fresh observation finds {containerStepsLeft} container steps left.{Environment.NewLine}");
        foreach (var failed in services.Where(u => u.Health == HealthStatus.Degraded))
        {
            text.AppendLine($"  Service {failed.Name} is {failed.Health} ({failed.Phase}): {failed.Message}");
        }

        foreach (var released in services.Where(u => u.Rollout is not null))
        {
            var rollout = released.Rollout!;
            text.AppendLine($"  Service {released.Name}: {rollout.Strategy} release of {rollout.Version} {rollout.Phase}; traffic {rollout.StableWeight} % on its own container, {rollout.CanaryWeight} % on the clone.");
        }

        return text.ToString();
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
