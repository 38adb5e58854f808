namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>One of the two containers of a blue/green release.</summary>
internal enum Side
{
    Original,
    Clone,
}
