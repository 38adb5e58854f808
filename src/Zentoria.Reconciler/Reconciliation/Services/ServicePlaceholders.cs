using System.Globalization;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>The values a service's commands may use (<see cref="CommandTemplate.KnownPlaceholders"/>); each is quoted as one argument.</summary>
internal static class ServicePlaceholders
{
    public static Dictionary<string, string> For(ServiceSpec service, ContainerSpec container, string revision, ServiceEndpoint? endpoint, string? version = null, string? previousVersion = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["service"] = service.Name.Value,
            ["container"] = container.Name.Value,
            ["vmid"] = container.VmId.Value.ToString(CultureInfo.InvariantCulture),
            ["node"] = container.Node.Value,
            ["port"] = service.Port.ToString(CultureInfo.InvariantCulture),
            ["revision"] = revision,
        };
        Add(values, "image", service.Image);
        Add(values, "version", version ?? service.Version);
        Add(values, "previousVersion", previousVersion);
        Add(values, "address", endpoint?.Address ?? container.Network.Address);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}
