namespace Zentoria.Reconciler.Benchmarks;

internal sealed record ReadSettings(int Nodes, TimeSpan Latency, int PerNode, bool InProcess);
