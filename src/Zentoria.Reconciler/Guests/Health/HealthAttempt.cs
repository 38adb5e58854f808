namespace Zentoria.Reconciler.Guests.Health;

/// <summary>One probe: whether it passed, and what it saw.</summary>
/// <param name="Number">1 for the first attempt.</param>
/// <param name="Detail">One line for status and logs, such as <c>HTTP 200, version 1.0.0</c> or <c>connection refused</c>.</param>
/// <param name="StatusCode">The HTTP status code, when an answer came.</param>
/// <param name="Version">The <c>version</c> the service reported, when it reported one.</param>
internal sealed record HealthAttempt(int Number, bool Healthy, string Detail, int? StatusCode = null, string? Version = null);
