using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>What one flag set's file said: its flags (<see cref="Live"/>), or why it could not be read (<see cref="Error"/>).</summary>
internal sealed record FlagSetObservation(string Name, LiveFlagSet? Live, string? Error);
