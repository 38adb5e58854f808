namespace Zentoria.Reconciler.Benchmarks;

/// <summary>One read's figures; P50 and P99 are per-request durations as the client's observer saw them.</summary>
internal sealed record ReadResult(TimeSpan Wall, int Requests, long AllocatedBytes, TimeSpan P50, TimeSpan P99);
