using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>The state every API handler shares.</summary>
internal sealed record SimulatorContext(
    SimulatedCluster Cluster,
    AccessRegistry Access,
    FaultInjector Faults,
    RequestStatistics Statistics,
    PveVersion Version,
    ApiTokenCredential DefaultToken,
    string? CertificateFingerprint);
