using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// The guest shells of a real environment, from its <c>guests</c> settings: in <c>direct</c> mode SSH to each
/// container's desired address, in <c>pct</c> mode SSH to the Proxmox node (the API URL's host) and
/// <c>pct exec</c>. One connection pool for all; services are checked at the container's address and port.
/// </summary>
/// <remarks>The settings are read once, at start: a change to <c>guests</c> takes effect when the operator restarts.</remarks>
internal sealed class SshGuestShellProvider(GuestAccessSpec access, string nodeHost, SshGuestOptions options, SshConnectionPool pool, TimeProvider time, ILogger logger)
    : IGuestShellProvider, IDisposable
{
    /// <summary>The file in the state folder where trust on first use records host keys.</summary>
    public const string TrustOnFirstUseFileName = "known_hosts";

    private readonly ConcurrentDictionary<GuestTarget, SshGuestShell> shells = new();

    /// <summary>The options an environment's <c>guests</c> settings give; <paramref name="configure"/> may adjust them (tests point <c>pct</c> elsewhere).</summary>
    public static SshGuestOptions OptionsFor(GuestAccessSpec access, StateFolder state, Action<SshGuestOptions>? configure = null)
    {
        var options = SshGuestOptions.From(access, access.TrustOnFirstUse ? state.File(TrustOnFirstUseFileName) : null);
        configure?.Invoke(options);
        return options;
    }

    public static SshGuestShellProvider Create(EnvironmentSpec environment, SshGuestOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        var access = environment.Guests ?? throw new ArgumentException("The environment has no guests settings.", nameof(environment));
        var logger = loggers.CreateLogger<SshGuestShellProvider>();
        var pool = new SshConnectionPool(options, new HostKeyVerifier(options, logger), time, logger);
        return new SshGuestShellProvider(access, ProxmoxUrl.HostOf(environment.Proxmox.Url) ?? "", options, pool, time, logger);
    }

    public IGuestShell? ShellFor(ContainerSpec container) =>
        GuestTarget.For(access, container.VmId, container.Network.Address, nodeHost, access.Port) is { } target
            ? shells.GetOrAdd(target, t => new SshGuestShell(t, pool, options, time, logger))
            : null;

    public ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service) =>
        container.Network.Address is { } address ? new ServiceEndpoint(address, service.Port) : null;

    public void Dispose() => pool.Dispose();
}
