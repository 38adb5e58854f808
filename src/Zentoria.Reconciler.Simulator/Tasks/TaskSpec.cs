namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary>
/// What a handler hands to <see cref="TaskRegistry.Start"/>. <see cref="Complete"/> runs under the cluster gate
/// when the task's time is up and returns an error text or <see langword="null"/>; <see cref="Abort"/> runs when
/// the task fails instead.
/// </summary>
internal sealed class TaskSpec
{
    public required string Node { get; init; }

    public required string Type { get; init; }

    public required string Id { get; init; }

    public Func<string?> Complete { get; init; } = () => null;

    public Action Abort { get; init; } = () => { };

    /// <summary>A failure known at dispatch ("CT is locked (backup)"): the task ends at once with it.</summary>
    public string? FailureAtStart { get; init; }

    public IReadOnlyList<string> LogLines { get; init; } = [];
}
