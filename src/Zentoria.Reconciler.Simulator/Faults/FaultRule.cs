namespace Zentoria.Reconciler.Simulator.Faults;

/// <summary>
/// One programmable fault. <see cref="Route"/> is a route name such as
/// <c>"PUT /nodes/{node}/lxc/{vmid}/config"</c> (or just the path template, for any method; <see langword="null"/>
/// for every route). Build one with the factory methods and narrow it with <c>with</c>:
/// <code>FaultRule.LockTimeout() with { Route = "PUT /nodes/{node}/lxc/{vmid}/config", Probability = 0.2 }</code>
/// </summary>
internal sealed record FaultRule
{
    public required FaultKind Kind { get; init; }

    public string? Route { get; init; }

    /// <summary>Only requests about this container (path <c>{vmid}</c>, or the <c>vmid</c> parameter of a create).</summary>
    public int? VmId { get; init; }

    /// <summary>Chance that a matching request is hit, 0 to 1, drawn from the simulator's injected random source.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>How many requests it hits before it retires; <see langword="null"/> for no limit.</summary>
    public int? Times { get; init; }

    public int StatusCode { get; init; } = 500;

    public string? Message { get; init; }

    public TimeSpan Delay { get; init; }

    public static FaultRule Error(int statusCode, string message) => new() { Kind = FaultKind.Error, StatusCode = statusCode, Message = message };

    public static FaultRule NodeUnreachable(string reason = "Connection refused") => new() { Kind = FaultKind.NodeUnreachable, StatusCode = 595, Message = reason };

    public static FaultRule ProxyFailure(string reason = "Connection timed out") => new() { Kind = FaultKind.ProxyFailure, StatusCode = 596, Message = reason };

    public static FaultRule LockTimeout() => new() { Kind = FaultKind.LockTimeout };

    public static FaultRule DropConnection() => new() { Kind = FaultKind.DropConnection };

    public static FaultRule Latency(TimeSpan delay) => new() { Kind = FaultKind.Latency, Delay = delay };

    public static FaultRule FailTask(string exitStatus) => new() { Kind = FaultKind.FailTask, Message = exitStatus };

    public static FaultRule HangTask() => new() { Kind = FaultKind.HangTask };

    internal bool Matches(string routeName, string template, int? vmid) =>
        (Route is null || Route == routeName || Route == template)
        && (VmId is null || VmId == vmid);
}
