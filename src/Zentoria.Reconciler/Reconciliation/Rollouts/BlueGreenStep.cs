namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The one thing to do next in a blue/green release; the caller does it, observes again and asks again.</summary>
internal enum BlueGreenStep
{
    /// <summary>Nothing to do: the original runs the desired version, traffic is on it and no clone is left.</summary>
    Done,

    /// <summary>Clone the original through the Proxmox API to the temporary VMID and address.</summary>
    CreateClone,

    StartClone,

    /// <summary>Deploy the desired version into the clone (no traffic reaches it yet).</summary>
    DeployToClone,

    /// <summary>Health-check the clone at the desired version, then ask again with the result.</summary>
    CheckClone,

    /// <summary>Write the upstream with all traffic on the clone.</summary>
    SwitchToClone,

    /// <summary>Deploy the desired version into the original, in place, while the clone serves.</summary>
    DeployToOriginal,

    /// <summary>Health-check the original at its version, then ask again with the result.</summary>
    CheckOriginal,

    /// <summary>Write the upstream with all traffic on the original.</summary>
    SwitchToOriginal,

    /// <summary>Deploy the previous version back into the original: reverting a release that had already updated it.</summary>
    DeployPreviousToOriginal,

    /// <summary>Destroy the clone; traffic is on the original.</summary>
    DestroyClone,

    /// <summary>Come back after <see cref="BlueGreenDecision.Wait"/> (the clone is kept for the configured delay).</summary>
    Wait,

    /// <summary>Nothing safe can be done; the reason says why and what would unblock it.</summary>
    Hold,
}
