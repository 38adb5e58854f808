using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Health;

namespace Zentoria.Reconciler.Analysis;

/// <summary>The canary under analysis: whose it is, how Prometheus names it, and how to check its health.</summary>
/// <param name="CanaryInstance">The canary's <c>instance</c> label in Prometheus (its scrape target), such as <c>127.0.2.211:3000</c>.</param>
internal sealed record AnalysisTarget(ServiceName Service, string CanaryInstance, HealthSpec Health, HealthTarget HealthTarget);
