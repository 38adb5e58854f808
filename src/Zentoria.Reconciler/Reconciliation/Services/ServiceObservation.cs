using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>What one service answered this pass (<see cref="Live"/>, with the probe's <see cref="Detail"/>), or why it could not be asked (<see cref="Error"/>).</summary>
internal sealed record ServiceObservation(string Name, LiveService? Live, string Detail, string? Error);
