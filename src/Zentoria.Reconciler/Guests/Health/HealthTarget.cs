using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>The service instance to check.</summary>
/// <param name="Address">The container's address (for <c>http</c> and <c>tcp</c> checks).</param>
/// <param name="DesiredVersion">The version that must answer when the spec expects a version; null when versions are not managed.</param>
/// <param name="Shell">The guest shell, for <c>command</c> checks.</param>
/// <param name="Command">The rendered health command, for <c>command</c> checks.</param>
internal sealed record HealthTarget(string Address, int Port, string? DesiredVersion, IGuestShell? Shell = null, GuestCommand? Command = null);
