namespace Zentoria.Reconciler.Simulator.State;

/// <summary>How a config key is typed on the wire (pve-container <c>check_type</c>).</summary>
internal enum ConfigKeyKind
{
    Text,
    Integer,
    Boolean,

    /// <summary>A "number" such as <c>cpulimit</c>: kept as text, so sent as a JSON string.</summary>
    Number,
}
