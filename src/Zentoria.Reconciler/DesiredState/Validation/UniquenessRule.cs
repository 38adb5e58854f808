using Zentoria.Reconciler.DesiredState.Binding;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>
/// VMIDs (containers and clones), addresses, hostnames, ports within a container, and upstream names and files
/// within a proxy are each used once.
/// </summary>
internal static class UniquenessRule
{
    public static void Check(BoundState state, BindingContext context)
    {
        var vmids = state.Containers
            .Where(c => c.VmId.IsInRange)
            .Select(c => (Key: c.VmId.ToString(), Path: BoundState.PathOf(c) + ".vmid", c.Origin))
            .Concat(state.Services
                .Where(s => s.Strategy.CloneVmId is { IsInRange: true })
                .Select(s => (Key: s.Strategy.CloneVmId!.Value.ToString(), Path: BoundState.PathOf(s) + ".strategy.cloneVmid", s.Origin)));
        Report(vmids, "VMID", context);

        var addresses = state.Containers
            .Where(c => c.Network.Address is not null && Formats.CheckCidr(c.Network.Ip) is null)
            .Select(c => (Key: c.Network.Address!, Path: BoundState.PathOf(c) + ".network.ip", c.Origin))
            .Concat(state.Services
                .Where(s => s.Strategy.CloneIp is { } ip && Formats.CheckCidr(ip) is null)
                .Select(s => (Key: s.Strategy.CloneIp!.Split('/')[0], Path: BoundState.PathOf(s) + ".strategy.cloneIp", s.Origin)));
        Report(addresses, "IP address", context);

        var hostnames = state.Containers
            .Where(c => c.Hostname.Length > 0)
            .Select(c => (Key: c.Hostname.ToLowerInvariant(), Path: BoundState.PathOf(c) + ".hostname", c.Origin));
        Report(hostnames, "hostname", context);

        var ports = state.Services
            .Where(s => s.Port > 0 && s.Container.Value.Length > 0)
            .Select(s => (Key: $"{s.Port} in container '{s.Container}'", Path: BoundState.PathOf(s) + ".port", s.Origin));
        Report(ports, "port", context);

        // Two routes writing one upstream name or one file would overwrite each other's traffic at every pass.
        var routed = state.Services.Where(s => s.Route is { Upstream.Length: > 0, Proxy.Value.Length: > 0 }).ToList();
        var upstreams = routed.Select(s => (Key: UpstreamKey(s.Route!), Path: BoundState.PathOf(s) + ".route.upstream", s.Origin)).ToList();
        Report(upstreams, "upstream", context);

        // A doubled upstream name doubles its default file too; that is one mistake, reported once above.
        var doubled = upstreams.GroupBy(u => u.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var proxies = state.Services.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().NginxOrDefault);
        var files = routed
            .Where(s => !doubled.Contains(UpstreamKey(s.Route!)))
            .Select(s => (
                Key: $"{proxies.GetValueOrDefault(s.Route!.Proxy, NginxSpec.Default).FileFor(s.Route)} on proxy '{s.Route.Proxy}'",
                Path: BoundState.PathOf(s) + (s.Route.File is null ? ".route.upstream" : ".route.file"),
                s.Origin));
        Report(files, "upstream file", context);
    }

    private static string UpstreamKey(RouteSpec route) => $"'{route.Upstream}' on proxy '{route.Proxy}'";

    private static void Report(IEnumerable<(string Key, string Path, SourceLocation Origin)> uses, string what, BindingContext context)
    {
        foreach (var group in uses.GroupBy(u => u.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            var firstLocation = context.Locations.Of(first.Path, first.Origin);
            foreach (var duplicate in group.Skip(1))
            {
                context.Errors.Add(context.Locations.Of(duplicate.Path, duplicate.Origin), duplicate.Path,
                    $"{what} {group.Key} is already used by {first.Path} at {firstLocation}");
            }
        }
    }
}
