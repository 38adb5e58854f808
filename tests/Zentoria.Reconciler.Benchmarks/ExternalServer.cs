namespace Zentoria.Reconciler.Benchmarks;

internal sealed class ExternalServer(SimulatorProcess process) : IBenchmarkServer
{
    public SimulatorEndpoint Endpoint => process.Endpoint;

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
