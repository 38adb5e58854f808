namespace Zentoria.Reconciler.DesiredState;

/// <summary>Whether the operator may restart a running container to apply a change Proxmox leaves pending.</summary>
internal enum RestartPolicy
{
    /// <summary>Pending changes wait for a restart made by a person; status shows "pending restart".</summary>
    Never,

    /// <summary>The operator reboots the container when a change it made is pending.</summary>
    IfNeeded,
}
