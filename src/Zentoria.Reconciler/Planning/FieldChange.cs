namespace Zentoria.Reconciler.Planning;

/// <summary>One field's change, values formatted as the plan prints them.</summary>
/// <param name="Field">A stable path such as <c>resources.memoryMiB</c>, <c>network.ip</c> or <c>flags.chat-v2.rollout</c>.</param>
/// <param name="From">The live value, or null when the field does not exist yet.</param>
/// <param name="To">The value after the step, or null when the field goes away.</param>
internal sealed record FieldChange(string Field, string? From, string? To);
