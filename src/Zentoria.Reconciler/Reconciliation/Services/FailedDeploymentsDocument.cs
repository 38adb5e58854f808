using System.Collections.Immutable;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>The content of <c>failed-deployments.json</c>.</summary>
internal sealed record FailedDeploymentsDocument(int Version, ImmutableArray<FailedDeployment> Failures)
{
    public const int CurrentVersion = 1;
}
