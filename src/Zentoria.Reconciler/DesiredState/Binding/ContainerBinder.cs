using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class ContainerBinder
{
    public const int DefaultSwapMiB = 512;
    public const string DefaultBridge = "vmbr0";

    private static readonly string[] SpecKeys =
        ["vmid", "node", "hostname", "state", "onBoot", "resources", "network", "tags", "description", "create", "drift", "restartPolicy", "windows"];

    private static readonly string[] ResourceKeys = ["cores", "memoryMiB", "swapMiB", "diskGiB"];
    private static readonly string[] NetworkKeys = ["ip", "gateway", "bridge"];
    private static readonly string[] CreateKeys = ["template", "storage", "unprivileged", "sshPublicKeysFile"];

    public static ContainerSpec? Bind(Document document, BindingContext context)
    {
        if (SpecMapping.Open(document, context, SpecKeys) is not { } spec)
        {
            return null;
        }

        var vmid = spec.Integer("vmid", required: true, VmId.Min, VmId.Max);
        var node = spec.String("node", required: true, Formats.CheckNode);
        var hostname = spec.String("hostname", required: true, Formats.CheckHostname);
        var state = spec.Enum("state", EnumNames.PowerStates) ?? PowerState.Running;
        var onBoot = spec.Boolean("onBoot") ?? false;
        var tags = spec.Strings("tags", Formats.CheckTag)
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        var description = spec.String("description");
        var restart = spec.Enum("restartPolicy", EnumNames.RestartPolicies) ?? RestartPolicy.IfNeeded;

        return new ContainerSpec(
            new ContainerName(document.Name),
            new VmId(vmid ?? 0),
            new NodeName(node ?? ""),
            hostname ?? "",
            state,
            onBoot,
            Resources(spec),
            Network(spec),
            tags,
            description,
            Create(spec),
            CommonReaders.Drift(spec),
            restart,
            document.Origin,
            CommonReaders.Windows(spec));
    }

    private static ContainerResources Resources(MappingReader spec)
    {
        var resources = spec.Mapping("resources", ResourceKeys, required: true);
        if (!resources.Exists)
        {
            return new ContainerResources(0, 0, 0, 0);
        }

        return new ContainerResources(
            resources.Integer("cores", required: true, 1, 8192) ?? 0,
            resources.Integer("memoryMiB", required: true, 16, unit: "MiB") ?? 0,
            resources.Integer("swapMiB", required: false, 0, unit: "MiB") ?? DefaultSwapMiB,
            resources.Integer("diskGiB", required: true, 1, 131072, "GiB") ?? 0);
    }

    private static ContainerNetwork Network(MappingReader spec)
    {
        var network = spec.Mapping("network", NetworkKeys, required: true);
        if (!network.Exists)
        {
            return new ContainerNetwork("", null, DefaultBridge);
        }

        var ip = network.String("ip", required: true, Formats.CheckCidr);
        var gateway = network.String("gateway", check: Formats.CheckIPv4);
        var bridge = network.String("bridge", check: Formats.CheckIdentifier) ?? DefaultBridge;
        if (ip is not null && gateway is not null &&
            Addresses.TryParseCidr(ip, out var address, out var prefix) && Addresses.TryParseIPv4(gateway, out var gatewayAddress) &&
            !Addresses.SameSubnet(address, gatewayAddress, prefix))
        {
            network.Error("gateway", $"the gateway {gateway} is outside the container's network {ip}");
        }

        return new ContainerNetwork(ip ?? "", gateway, bridge);
    }

    private static ContainerTemplate? Create(MappingReader spec)
    {
        var create = spec.Mapping("create", CreateKeys);
        if (!create.Exists)
        {
            return null;
        }

        return new ContainerTemplate(
            create.String("template", required: true, Formats.CheckOsTemplate) ?? "",
            create.String("storage", required: true, Formats.CheckIdentifier) ?? "",
            create.Boolean("unprivileged") ?? true,
            create.String("sshPublicKeysFile", check: Formats.CheckAbsolutePath));
    }
}
