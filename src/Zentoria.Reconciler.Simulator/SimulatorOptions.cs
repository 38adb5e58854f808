using System.Net;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Simulator.Scenarios;
using Zentoria.Reconciler.Simulator.Timing;

namespace Zentoria.Reconciler.Simulator;

/// <summary>How to start a <see cref="ProxmoxSimulator"/>. Checked by <see cref="Validate"/> before anything listens.</summary>
internal sealed class SimulatorOptions
{
    /// <summary>Loopback only (127.0.0.0/8 or ::1); anything else is refused.</summary>
    /// <value>Default <see cref="IPAddress.Loopback"/>.</value>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    /// <value>Default 0; otherwise 1 to 65535.</value>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with a freshly generated self-signed certificate, as a PVE node does with pve-ssl.pem.</summary>
    public bool UseHttps { get; init; }

    /// <value>Default <see cref="PveVersion.V9_1"/>.</value>
    public PveVersion Version { get; init; } = PveVersion.V9_1;

    /// <summary>The API token accepted with full rights, <c>USER@REALM!TOKENID=SECRET</c>.</summary>
    /// <value>Default <c>root@pam!zentoria=</c> followed by a random UUID.</value>
    public string? Token { get; init; }

    /// <summary>Password of <c>root@pam</c> for ticket login. Default: random.</summary>
    public string? RootPassword { get; init; }

    /// <summary>How long every task runs before it completes.</summary>
    /// <value>Default 1 second; 0 to 1 hour.</value>
    public TimeSpan TaskDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A real PVE answers every 401 only 3 s after the request arrived; tests usually want none.</summary>
    /// <value>Default zero; 0 to 10 seconds.</value>
    public TimeSpan AuthFailureDelay { get; init; } = TimeSpan.Zero;

    /// <value>Default 2 hours, as PVE.</value>
    public TimeSpan TicketLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Added to every request (the benchmarks use 5 ms). Can be changed later through <see cref="ProxmoxSimulator.Faults"/>.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>The clock of tasks, tickets and delays; by default the system's, with timers precise enough for <see cref="Latency"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = PreciseTimeProvider.Instance;

    /// <summary>Source of fault chances, MAC addresses and PIDs; seed it for repeatable tests.</summary>
    public Random Random { get; init; } = new();

    /// <summary>
    /// Nodes, containers, tokens and faults to start with; without one the state is the default node <c>pve</c>.
    /// Its <c>pveVersion</c>, <c>taskDuration</c> and <c>latency</c>, when set, win over the options here.
    /// </summary>
    public SimulatorScenario? Scenario { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    public void Validate()
    {
        if (!IPAddress.IsLoopback(ListenAddress))
        {
            throw new SimulatorConfigurationException($"the simulator listens on loopback only (127.0.0.1 or [::1]), not on {ListenAddress}");
        }

        if (Port is < 0 or > 65535)
        {
            throw new SimulatorConfigurationException($"port {Port} is out of range (0 to 65535; 0 picks a free port)");
        }

        if (TaskDuration < TimeSpan.Zero || TaskDuration > TimeSpan.FromHours(1))
        {
            throw new SimulatorConfigurationException($"task duration {TaskDuration} must be between 0 and 1 hour");
        }

        if (AuthFailureDelay < TimeSpan.Zero || AuthFailureDelay > TimeSpan.FromSeconds(10))
        {
            throw new SimulatorConfigurationException($"auth failure delay {AuthFailureDelay} must be between 0 and 10 seconds");
        }

        if (TicketLifetime <= TimeSpan.Zero || Latency < TimeSpan.Zero)
        {
            throw new SimulatorConfigurationException("ticket lifetime must be positive and latency not negative");
        }

        if (Token is not null && !Auth.ApiTokenCredential.TryParse(Token, out _))
        {
            throw new SimulatorConfigurationException("the token must look like USER@REALM!TOKENID=SECRET");
        }
    }
}
