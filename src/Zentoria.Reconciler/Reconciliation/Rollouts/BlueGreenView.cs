using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>One observation of a blue/green release: the live half of <see cref="BlueGreenFacts"/>.</summary>
internal sealed record BlueGreenView(CloneState CloneState, string? OriginalVersion, string? CloneVersion, UpstreamSide Upstream, UpstreamRouting? Routing);
