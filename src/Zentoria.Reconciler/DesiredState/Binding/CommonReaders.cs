using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>Fields that several kinds share: commands and drift policies.</summary>
internal static class CommonReaders
{
    private const string CommandExample = " of arguments such as [\"/opt/zentoria/deploy.sh\", \"{version}\"]";
    private static readonly string[] DriftKeys = ["mode", "ignoreFields"];
    private static readonly string[] WindowKeys = ["kind", "schedule", "duration", "timeZone"];

    public static CommandTemplate? Command(MappingReader parent, string key, bool required)
    {
        if (!parent.Has(key))
        {
            if (required)
            {
                parent.Missing(key);
            }

            return null;
        }

        var items = parent.Items(key, required, CommandExample);
        if (items.IsEmpty)
        {
            if (parent.Node(key) is Yaml.SequenceNode)
            {
                parent.Error(key, "a command needs at least one argument, the program to run");
            }

            return null;
        }

        var arguments = ImmutableArray.CreateBuilder<string>();
        foreach (var (path, node) in items)
        {
            if (ScalarReading.String(node, path, parent.Context.Errors, CommandTemplates.CheckArgument) is { } argument)
            {
                arguments.Add(argument);
            }
        }

        return arguments.Count == items.Length ? new CommandTemplate(arguments.ToImmutable()) : null;
    }

    public static DriftPolicy Drift(MappingReader spec)
    {
        var drift = spec.Mapping("drift", DriftKeys);
        if (!drift.Exists)
        {
            return DriftPolicy.Default;
        }

        var mode = drift.Enum("mode", EnumNames.DriftModes) ?? DriftMode.Correct;
        return new DriftPolicy(mode, drift.Strings("ignoreFields"));
    }

    /// <summary>Deployment windows, on an environment or on one unit: <c>windows: [{ kind, schedule, duration, timeZone }]</c>.</summary>
    public static ImmutableArray<SyncWindowSpec> Windows(MappingReader spec)
    {
        var windows = ImmutableArray.CreateBuilder<SyncWindowSpec>();
        foreach (var (path, node) in spec.Items("windows"))
        {
            if (node is not Yaml.MappingNode mapping)
            {
                spec.Context.Errors.Add(node.Location, path, $"expected a mapping such as {{ kind: allow, schedule: \"0 22 * * 1-4\", duration: 3h }}, found {node.Describe()}");
                continue;
            }

            var window = new MappingReader(mapping, path, mapping.Location, spec.Context, WindowKeys);
            windows.Add(new SyncWindowSpec(
                window.Enum("kind", EnumNames.SyncWindows, required: true) ?? SyncWindowKind.Allow,
                window.String("schedule", required: true, CronSchedule.Check) ?? "",
                window.Duration("duration", required: true) ?? TimeSpan.Zero,
                window.String("timeZone", check: TimeZones.Check) ?? "UTC"));
        }

        return windows.ToImmutable();
    }
}
