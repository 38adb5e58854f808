using System.Text.RegularExpressions;
using Zentoria.Reconciler.Simulator.Auth;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>The LXC config keys the simulator knows: wire type, range, privilege and running-CT behaviour.</summary>
internal static partial class ConfigSchema
{
    private sealed record KeySpec(ConfigKeyKind Kind, string Privilege, ConfigApplyMode Mode, int Minimum = 0, int Maximum = int.MaxValue);

    private static readonly Dictionary<string, KeySpec> Keys = new(StringComparer.Ordinal)
    {
        ["arch"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["cmode"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["console"] = new(ConfigKeyKind.Boolean, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["cores"] = new(ConfigKeyKind.Integer, Privileges.VmConfigCpu, ConfigApplyMode.Immediate, 1, 8192),
        ["cpulimit"] = new(ConfigKeyKind.Number, Privileges.VmConfigCpu, ConfigApplyMode.HotPlug),
        ["cpuunits"] = new(ConfigKeyKind.Integer, Privileges.VmConfigCpu, ConfigApplyMode.HotPlug, 0, 500000),
        ["debug"] = new(ConfigKeyKind.Boolean, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["description"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["entrypoint"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["env"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["features"] = new(ConfigKeyKind.Text, Privileges.VmAllocate, ConfigApplyMode.Pending),
        ["hookscript"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["hostname"] = new(ConfigKeyKind.Text, Privileges.VmConfigNetwork, ConfigApplyMode.Immediate),
        ["lock"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["memory"] = new(ConfigKeyKind.Integer, Privileges.VmConfigMemory, ConfigApplyMode.HotPlug, 16),
        ["nameserver"] = new(ConfigKeyKind.Text, Privileges.VmConfigNetwork, ConfigApplyMode.Pending),
        ["onboot"] = new(ConfigKeyKind.Boolean, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["ostype"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["protection"] = new(ConfigKeyKind.Boolean, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["rootfs"] = new(ConfigKeyKind.Text, Privileges.VmConfigDisk, ConfigApplyMode.Pending),
        ["searchdomain"] = new(ConfigKeyKind.Text, Privileges.VmConfigNetwork, ConfigApplyMode.Pending),
        ["startup"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["swap"] = new(ConfigKeyKind.Integer, Privileges.VmConfigMemory, ConfigApplyMode.HotPlug, 0),
        ["tags"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Immediate),
        ["template"] = new(ConfigKeyKind.Boolean, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["timezone"] = new(ConfigKeyKind.Text, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
        ["tty"] = new(ConfigKeyKind.Integer, Privileges.VmConfigOptions, ConfigApplyMode.Pending, 0, 6),
        ["unprivileged"] = new(ConfigKeyKind.Boolean, Privileges.VmConfigOptions, ConfigApplyMode.Pending),
    };

    /// <summary>Keys that must stay in a container's config.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { "memory", "rootfs", "ostype" };

    public static bool IsKnown(string key) => Keys.ContainsKey(key) || IndexedKey().IsMatch(key);

    public static ConfigKeyKind KindOf(string key) => Keys.TryGetValue(key, out var spec) ? spec.Kind : ConfigKeyKind.Text;

    public static (int Minimum, int Maximum) RangeOf(string key) =>
        Keys.TryGetValue(key, out var spec) ? (spec.Minimum, spec.Maximum) : (0, int.MaxValue);

    public static string PrivilegeOf(string key) =>
        Keys.TryGetValue(key, out var spec) ? spec.Privilege
        : key.StartsWith("net", StringComparison.Ordinal) ? Privileges.VmConfigNetwork
        : key.StartsWith("mp", StringComparison.Ordinal) || key.StartsWith("unused", StringComparison.Ordinal) ? Privileges.VmConfigDisk
        : Privileges.VmConfigOptions;

    /// <summary>A new mount point or device is hot-plugged; changing an existing one waits for a restart.</summary>
    public static ConfigApplyMode ModeOf(string key, bool alreadySet)
    {
        if (Keys.TryGetValue(key, out var spec))
        {
            return spec.Mode;
        }

        if (key.StartsWith("net", StringComparison.Ordinal) || key.StartsWith("unused", StringComparison.Ordinal))
        {
            return ConfigApplyMode.HotPlug;
        }

        return alreadySet ? ConfigApplyMode.Pending : ConfigApplyMode.HotPlug;
    }

    public static bool IsNetwork(string key) => key.StartsWith("net", StringComparison.Ordinal) && IndexedKey().IsMatch(key);

    public static bool IsMountPoint(string key) => key == "rootfs" || (key.StartsWith("mp", StringComparison.Ordinal) && IndexedKey().IsMatch(key));

    [GeneratedRegex(@"^(net([0-9]|[12][0-9]|3[01])|mp([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|dev[0-9]+|unused[0-9]+)$")]
    private static partial Regex IndexedKey();
}
