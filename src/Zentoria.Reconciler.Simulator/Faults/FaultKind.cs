namespace Zentoria.Reconciler.Simulator.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
internal enum FaultKind
{
    /// <summary>Answers <see cref="FaultRule.StatusCode"/> with <see cref="FaultRule.Message"/> as a handler error would.</summary>
    Error,

    /// <summary>595: the forwarding pveproxy could not reach the target node. Empty body.</summary>
    NodeUnreachable,

    /// <summary>596: TLS or request failure on the forwarded hop. Empty body.</summary>
    ProxyFailure,

    /// <summary>500 <c>can't lock file '/run/lock/lxc/pve-config-&lt;vmid&gt;.lock' - got timeout</c>.</summary>
    LockTimeout,

    /// <summary>Closes the connection without an answer.</summary>
    DropConnection,

    /// <summary>Waits <see cref="FaultRule.Delay"/> before answering normally.</summary>
    Latency,

    /// <summary>The request succeeds but the task it starts ends with <see cref="FaultRule.Message"/>.</summary>
    FailTask,

    /// <summary>The request succeeds but the task it starts never finishes (and keeps its lock).</summary>
    HangTask,
}
