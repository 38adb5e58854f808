namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The one thing to do next in a canary release; the caller does it, observes again and asks again.</summary>
internal enum CanaryStep
{
    /// <summary>Nothing to do: the original runs the desired version, all traffic is on it and no clone is left.</summary>
    Done,

    /// <summary>Clone the original through the Proxmox API to the temporary VMID and address.</summary>
    CreateClone,

    StartClone,

    /// <summary>Deploy the desired version into the clone (no traffic reaches it yet).</summary>
    DeployToClone,

    /// <summary>Health-check the clone at the desired version, then ask again with the result.</summary>
    CheckClone,

    /// <summary>Write the upstream with <see cref="CanaryDecision.Weight"/> % on the canary and the rest on stable.</summary>
    SetWeight,

    /// <summary>The step's interval is over: analyse the canary, record the verdict, then ask again.</summary>
    Analyse,

    /// <summary>Deploy the desired version into the original, in place, while the canary takes all traffic.</summary>
    DeployToOriginal,

    /// <summary>Health-check the original at its version, then ask again with the result.</summary>
    CheckOriginal,

    /// <summary>Write the upstream with all traffic on the original (weights 100/0).</summary>
    SwitchToOriginal,

    /// <summary>Deploy the previous version back into the original: reverting a promotion that had already updated it.</summary>
    DeployPreviousToOriginal,

    /// <summary>Destroy the clone; no traffic is on it.</summary>
    DestroyClone,

    /// <summary>Come back after <see cref="CanaryDecision.Wait"/>: the step's interval is not over.</summary>
    Wait,

    /// <summary>Nothing safe can be done; the reason says why and what would unblock it.</summary>
    Hold,
}
