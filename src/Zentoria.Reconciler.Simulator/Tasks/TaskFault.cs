namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary>An injected override of a task's ending, attached to the request that starts it.</summary>
internal sealed record TaskFault(TaskOutcome Outcome, string? Message);
