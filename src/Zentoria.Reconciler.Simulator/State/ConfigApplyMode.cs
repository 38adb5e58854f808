namespace Zentoria.Reconciler.Simulator.State;

/// <summary>What happens to a change of a running container (reference 4.2).</summary>
internal enum ConfigApplyMode
{
    /// <summary>Config-only keys, written at once.</summary>
    Immediate,

    /// <summary>Hot-plugged into the running container, so written at once too.</summary>
    HotPlug,

    /// <summary>Stays in <c>[pve:pending]</c> until the next start or reboot.</summary>
    Pending,
}
