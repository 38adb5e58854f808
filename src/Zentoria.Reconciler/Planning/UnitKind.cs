namespace Zentoria.Reconciler.Planning;

/// <summary>The kinds of unit a plan acts on; the declaration order is the order within a wave.</summary>
internal enum UnitKind
{
    Container,
    Service,
    FeatureFlags,
}
