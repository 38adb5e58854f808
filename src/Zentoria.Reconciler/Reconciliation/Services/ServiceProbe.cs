using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Health;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>Asks one service how it is: its health check (once, or with retries) and the version it runs.</summary>
internal sealed class ServiceProbe(IGuestShellProvider guests, HealthChecker checker)
{
    public static readonly TimeSpan VersionCommandTimeout = TimeSpan.FromSeconds(30);

    public IGuestShell? ShellFor(ContainerSpec container) => guests.ShellFor(container);

    public ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service) => guests.EndpointOf(container, service);

    /// <summary>One attempt of the health check, whatever version answers.</summary>
    public async Task<HealthAttempt> ProbeOnceAsync(ServiceSpec service, ContainerSpec container, string revision, CancellationToken cancellationToken) =>
        Target(service, container, revision, null) is { } target
            ? await checker.ProbeOnceAsync(service.Health, target, 1, cancellationToken)
            : Unreachable(service, container);

    /// <summary>The whole health check, retries and interval as the spec says; with <c>expectVersion</c>, <paramref name="version"/> must answer.</summary>
    public async Task<HealthReport> CheckAsync(ServiceSpec service, ContainerSpec container, string revision, string? version, CancellationToken cancellationToken) =>
        Target(service, container, revision, version) is { } target
            ? await checker.CheckAsync(service.Health, target, cancellationToken)
            : new HealthReport(false, [Unreachable(service, container)], null);

    /// <summary>The running version: the version command's first line when the spec has one, else the http health answer's <c>version</c>.</summary>
    public async Task<LiveVersion> VersionAsync(ServiceSpec service, ContainerSpec container, string revision, HealthAttempt probe, CancellationToken cancellationToken)
    {
        if (service.DeploySettings.VersionCommand is not { } template)
        {
            return probe.Version is { } answered
                ? new LiveVersion(answered, null)
                : new LiveVersion(null, $"no version in the answer of {service.Health.Path}: {probe.Detail}");
        }

        if (guests.ShellFor(container) is not { } shell)
        {
            return new LiveVersion(null, $"no guest shell reaches {container.Name.Value}");
        }

        var rendering = CommandRenderer.Render(template, ServicePlaceholders.For(service, container, revision, guests.EndpointOf(container, service)));
        return rendering.Succeeded
            ? await LiveVersionReader.FromCommandAsync(shell, rendering.Command!, VersionCommandTimeout, cancellationToken)
            : new LiveVersion(null, $"the version command cannot be rendered: {rendering.Error}");
    }

    /// <summary>Where and how the health check of <paramref name="service"/> on <paramref name="container"/> runs; null when nothing reaches it.</summary>
    public HealthTarget? Target(ServiceSpec service, ContainerSpec container, string revision, string? version)
    {
        var endpoint = guests.EndpointOf(container, service);
        if (service.Health.Type == HealthCheckKind.Command)
        {
            var shell = guests.ShellFor(container);
            var rendering = service.Health.Command is { } command
                ? CommandRenderer.Render(command, ServicePlaceholders.For(service, container, revision, endpoint, version))
                : CommandRendering.Failure("no health command");
            return shell is null || !rendering.Succeeded
                ? null
                : new HealthTarget(endpoint?.Address ?? "", endpoint?.Port ?? service.Port, version, shell, rendering.Command);
        }

        return endpoint is null ? null : new HealthTarget(endpoint.Address, endpoint.Port, version);
    }

    private static HealthAttempt Unreachable(ServiceSpec service, ContainerSpec container) => service.Health.Type == HealthCheckKind.Command
        ? new HealthAttempt(1, false, $"the health command cannot run: no guest shell reaches {container.Name.Value}, or the command cannot be rendered")
        : new HealthAttempt(1, false, $"{container.Name.Value} has no address to check (network.ip is {container.Network.Ip})");
}
