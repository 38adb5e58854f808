namespace Zentoria.Reconciler.Benchmarks;

/// <summary>Where a simulator listens and what a client needs to trust and authenticate to it.</summary>
internal sealed record SimulatorEndpoint(Uri BaseUrl, string Token, string? Fingerprint);
