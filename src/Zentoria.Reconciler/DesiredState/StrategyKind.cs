namespace Zentoria.Reconciler.DesiredState;

internal enum StrategyKind
{
    /// <summary>Deploy in place; a short downtime.</summary>
    Rolling,

    /// <summary>Deploy to a temporary clone, switch traffic at the proxy, update in place, switch back.</summary>
    BlueGreen,

    /// <summary>Shift traffic to a clone by weighted steps while analysis passes.</summary>
    Canary,
}
