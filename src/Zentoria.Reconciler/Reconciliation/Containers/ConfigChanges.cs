using System.Globalization;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>
/// The config write that takes a freshly read config to the spec, limited to the fields the plan named (so a
/// field the drift policy ignores is never touched). Compared with the merged config: a value already pending
/// is not written again.
/// </summary>
internal static class ConfigChanges
{
    public static ContainerConfigUpdate? Of(ContainerConfig config, ContainerSpec spec, string managedTag, IReadOnlySet<string> fields)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var delete = new List<string>();
        void Want(string field, string key, string? live, string? desired)
        {
            if (!fields.Contains(field) || string.Equals(live, desired, StringComparison.Ordinal))
            {
                return;
            }

            if (desired is null)
            {
                delete.Add(key);
            }
            else
            {
                set[key] = desired;
            }
        }

        Want(ContainerFields.Hostname, "hostname", config.Hostname, spec.Hostname);
        Want(ContainerFields.OnBoot, "onboot", config.OnBoot ? "1" : "0", spec.OnBoot ? "1" : "0");
        Want(ContainerFields.Cores, "cores", Number(config.Cores ?? 1), Number(spec.Resources.Cores));
        Want(ContainerFields.MemoryMiB, "memory", Number(config.MemoryMiB ?? 512), Number(spec.Resources.MemoryMiB));
        Want(ContainerFields.SwapMiB, "swap", Number(config.SwapMiB ?? 512), Number(spec.Resources.SwapMiB));
        Want(ContainerFields.Tags, "tags", string.Join(';', PlanValues.NormaliseTags(config.Tags)), string.Join(';', PlanValues.EffectiveTags(spec, managedTag)));
        Want(ContainerFields.Description, "description", Text(config.Description), Text(spec.Description));

        var net0 = config.Networks.GetValueOrDefault(0);
        var networkNamed = fields.Contains(ContainerFields.Ip) || fields.Contains(ContainerFields.Gateway) || fields.Contains(ContainerFields.Bridge);
        if (networkNamed && !Net0.Matches(net0, spec.Network))
        {
            set["net0"] = Net0.With(net0, spec.Network);
        }

        return set.Count == 0 && delete.Count == 0 ? null : new ContainerConfigUpdate { Set = set, Delete = delete, Digest = config.Digest };
    }

    public static string Describe(ContainerConfigUpdate update) =>
        string.Join(", ", update.Set.Keys.Concat(update.Delete).Order(StringComparer.Ordinal));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(string? value) => value?.TrimEnd('\n') is { Length: > 0 } text ? text : null;
}
