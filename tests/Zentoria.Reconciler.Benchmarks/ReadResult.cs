namespace Zentoria.Reconciler.Benchmarks;

internal sealed record ReadResult(TimeSpan Wall, int Requests, long AllocatedBytes);
