namespace Zentoria.Reconciler.Simulator;

/// <summary>The Proxmox VE release the simulator imitates; the differences are listed in the reference.</summary>
internal enum PveVersion
{
    /// <summary>PVE 8.1: no <c>message</c> in error bodies, <c>vmid</c> as a string in the node's CT list, raw 401 causes.</summary>
    V8_1,

    /// <summary>PVE 9.1 (pve-manager 9.1.5 and later).</summary>
    V9_1,
}
