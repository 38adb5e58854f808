namespace Zentoria.Reconciler.Reconciliation;

/// <summary>Names one unit of reconciliation, such as <c>Container/backend</c>. Carries no spec, only identity.</summary>
internal readonly record struct UnitKey(UnitKind Kind, string Name)
{
    public override string ToString() => $"{Kind}/{Name}";
}
