using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class FeatureFlagsBinder
{
    private static readonly string[] SpecKeys = ["service", "file", "reload", "flags"];
    private static readonly string[] ReloadKeys = ["command"];
    private static readonly string[] FlagKeys = ["enabled", "rollout", "steps", "interval"];

    public static FeatureFlagSetSpec? Bind(Document document, BindingContext context)
    {
        if (SpecMapping.Open(document, context, SpecKeys) is not { } spec)
        {
            return null;
        }

        var service = spec.String("service", required: true, Formats.CheckName);
        var file = spec.String("file", required: true, Formats.CheckAbsolutePath);
        var reload = spec.Mapping("reload", ReloadKeys);
        var reloadCommand = reload.Exists ? CommonReaders.Command(reload, "command", required: true) : null;

        // Flag names are the user's own, so no key is "unknown" here; duplicates still are errors.
        var flags = spec.Mapping("flags", [], required: true);
        var specs = flags.Entries
            .Select(entry => Flag(flags, entry, context))
            .OfType<FlagSpec>()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToImmutableArray();

        return new FeatureFlagSetSpec(document.Name, new ServiceName(service ?? ""), file ?? "", reloadCommand, specs, document.Origin);
    }

    private static FlagSpec? Flag(MappingReader flags, MappingEntry entry, BindingContext context)
    {
        var path = flags.Child(entry.Name);
        if (Formats.CheckFlagName(entry.Name) is { } badName)
        {
            context.Errors.Add(entry.Key.Location, path, badName);
        }

        if (entry.Value is ScalarNode { IsNull: true })
        {
            return null;
        }

        if (entry.Value is not MappingNode node)
        {
            context.Errors.Add(entry.Value.Location, path, $"expected a mapping such as {{ enabled: true, rollout: 25 }}, found {entry.Value.Describe()}");
            return null;
        }

        var flag = new MappingReader(node, path, node.Location, context, FlagKeys);
        var enabled = flag.Boolean("enabled", required: true);
        var rollout = flag.Integer("rollout", required: true, 0, 100, "percent");
        var steps = flag.Integers("steps", 1, 100);
        var interval = flag.Duration("interval");
        if (steps.Zip(steps.Skip(1)).Any(p => p.First >= p.Second))
        {
            flag.Error("steps", $"rollout steps must be strictly ascending percentages from 1 to 100; found [{string.Join(", ", steps)}]");
        }

        // At rollout 0 the steps wait, ready for when the rollout is raised to their end.
        if (rollout is > 0 && steps.Length > 0 && steps[^1] != rollout)
        {
            flag.Error("steps", $"the steps lead up to the flag's rollout, so the last one must be {rollout}; found [{string.Join(", ", steps)}]");
        }

        if (flag.Has("steps") && !flag.Has("interval"))
        {
            flag.Error("steps", "progressive steps need an interval between them, such as interval: 1h");
        }

        return new FlagSpec(entry.Name, enabled ?? false, rollout ?? 0, steps, interval);
    }
}
