namespace Zentoria.Reconciler.Reconciliation;

/// <summary>What a unit reconciles; the names match the desired-state document kinds.</summary>
internal enum UnitKind
{
    Container,
    Service,
    FeatureFlags,
    Route,
}
