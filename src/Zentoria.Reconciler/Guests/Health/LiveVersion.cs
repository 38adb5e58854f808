namespace Zentoria.Reconciler.Guests.Health;

/// <summary>The version a service reports, or why it could not be read.</summary>
internal sealed record LiveVersion(string? Version, string? Error);
