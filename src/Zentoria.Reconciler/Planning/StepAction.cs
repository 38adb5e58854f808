namespace Zentoria.Reconciler.Planning;

/// <summary>What a step does. The declaration order is the order of one unit's steps within a wave.</summary>
internal enum StepAction
{
    Create,
    Update,
    Resize,
    Start,

    /// <summary>Reboot a running container so Proxmox applies the changes it holds pending.</summary>
    Restart,
    Deploy,
    WriteFlags,
    Stop,
    Destroy,

    /// <summary>A change the operator will not make (such as shrinking a disk); terminal until the desired state changes.</summary>
    Refused,
}
