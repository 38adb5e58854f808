using Zentoria.Reconciler.DesiredState.Binding;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>dependsOn must order the services; a cycle is printed as <c>a -> b -> a</c>, once per cycle.</summary>
internal static class DependencyCycleRule
{
    public static void Check(BoundState state, BindingContext context)
    {
        var services = state.Services.ToDictionary(s => s.Name.Value, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in services.Keys.Order(StringComparer.Ordinal))
        {
            Visit(start, [], services, done, reported, context);
        }
    }

    private static void Visit(
        string name,
        List<string> stack,
        Dictionary<string, ServiceSpec> services,
        HashSet<string> done,
        HashSet<string> reported,
        BindingContext context)
    {
        var onStack = stack.IndexOf(name);
        if (onStack >= 0)
        {
            Report([.. stack.Skip(onStack)], services, reported, context);
            return;
        }

        if (!done.Add(name) || !services.TryGetValue(name, out var service))
        {
            return;
        }

        stack.Add(name);
        foreach (var dependency in service.DependsOn)
        {
            if (stack.Contains(dependency.Value) || !done.Contains(dependency.Value))
            {
                Visit(dependency.Value, stack, services, done, reported, context);
            }
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private static void Report(List<string> cycle, Dictionary<string, ServiceSpec> services, HashSet<string> reported, BindingContext context)
    {
        // Start the cycle at its smallest name so that the same cycle found from elsewhere prints the same way.
        var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        var ordered = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
        var text = string.Join(" -> ", ordered.Append(ordered[0]));
        if (!reported.Add(text))
        {
            return;
        }

        var first = services[ordered[0]];
        var next = ordered.Count > 1 ? ordered[1] : ordered[0];
        var index = first.DependsOn.IndexOf(new ServiceName(next));
        var path = $"{BoundState.PathOf(first)}.dependsOn[{index}]";
        context.Errors.Add(context.Locations.Of(path, first.Origin), path, $"dependsOn forms a cycle: {text}");
    }
}
