namespace Zentoria.Reconciler.Benchmarks;

/// <summary>A running simulator, in this process or in its own.</summary>
internal interface IBenchmarkServer : IAsyncDisposable
{
    SimulatorEndpoint Endpoint { get; }
}
