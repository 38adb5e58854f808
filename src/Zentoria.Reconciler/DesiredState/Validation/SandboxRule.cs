using Zentoria.Reconciler.DesiredState.Binding;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>
/// The sandbox runs against the embedded simulator; an address outside loopback there would point it at somebody's
/// real machine, so every address must be loopback.
/// </summary>
internal static class SandboxRule
{
    public const string SandboxName = "sandbox";

    public static void Check(BoundState state, BindingContext context)
    {
        if (state.EnvironmentName != SandboxName && !state.Environments.Any(e => e.Name == SandboxName))
        {
            return;
        }

        foreach (var environment in state.Environments)
        {
            var host = ProxmoxUrl.HostOf(environment.Proxmox.Url);
            if (host is not null && !Addresses.IsLoopback(host))
            {
                Report(host, "environment.proxmox.url", environment.Origin, context);
            }
        }

        foreach (var container in state.Containers)
        {
            var path = BoundState.PathOf(container);
            if (container.Network.Ip.Length > 0 && !Addresses.IsLoopback(container.Network.Ip))
            {
                Report(container.Network.Ip, $"{path}.network.ip", container.Origin, context);
            }

            if (container.Network.Gateway is { } gateway && !Addresses.IsLoopback(gateway))
            {
                Report(gateway, $"{path}.network.gateway", container.Origin, context);
            }
        }

        foreach (var service in state.Services.Where(s => s.Strategy.CloneIp is not null))
        {
            if (!Addresses.IsLoopback(service.Strategy.CloneIp!))
            {
                Report(service.Strategy.CloneIp!, $"{BoundState.PathOf(service)}.strategy.cloneIp", service.Origin, context);
            }
        }
    }

    private static void Report(string address, string path, SourceLocation origin, BindingContext context) =>
        context.Errors.Add(context.Locations.Of(path, origin), path,
            $"the sandbox must never point at a real machine: use a loopback address (127.0.0.0/8 or ::1), not {address}");
}
