using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Benchmarks;

internal sealed class InProcessServer(ProxmoxSimulator simulator) : IBenchmarkServer
{
    public SimulatorEndpoint Endpoint { get; } = new(simulator.BaseUrl, simulator.Token, simulator.CertificateSha256Fingerprint);

    public ValueTask DisposeAsync() => simulator.DisposeAsync();
}
