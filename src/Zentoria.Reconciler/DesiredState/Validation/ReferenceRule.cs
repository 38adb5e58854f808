using Zentoria.Reconciler.DesiredState.Binding;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>Every name a document mentions belongs to a document that exists.</summary>
internal static class ReferenceRule
{
    public static void Check(BoundState state, BindingContext context)
    {
        var containers = state.Containers.Select(c => c.Name.Value).ToList();
        var services = state.Services.Select(s => s.Name.Value).ToList();

        foreach (var service in state.Services)
        {
            var path = BoundState.PathOf(service);
            Expect(service.Container.Value, containers, "container", $"{path}.container", service.Origin, context);
            for (var i = 0; i < service.DependsOn.Length; i++)
            {
                // Depending on itself is a cycle; the cycle rule says so.
                if (service.DependsOn[i] != service.Name)
                {
                    Expect(service.DependsOn[i].Value, services, "service", $"{path}.dependsOn[{i}]", service.Origin, context);
                }
            }

            if (service.Route is { } route)
            {
                Expect(route.Proxy.Value, services, "service", $"{path}.route.proxy", service.Origin, context);
            }

            if (service.Migrations?.Backup.SnapshotOf is { } snapshotOf)
            {
                Expect(snapshotOf.Value, containers, "container", $"{path}.migrations.backup.snapshotOf", service.Origin, context);
            }

            if (service.Migrations?.Backup.Dump is { } dump)
            {
                Expect(dump.Container.Value, containers, "container", $"{path}.migrations.backup.dump.container", service.Origin, context);
            }
        }

        foreach (var flags in state.FeatureFlags)
        {
            Expect(flags.Service.Value, services, "service", $"{BoundState.PathOf(flags)}.service", flags.Origin, context);
        }
    }

    private static void Expect(string name, List<string> existing, string what, string path, SourceLocation origin, BindingContext context)
    {
        if (name.Length == 0 || existing.Contains(name))
        {
            return;
        }

        var hint = Suggestions.DidYouMean(name, existing);
        var known = hint.Length > 0 ? hint : $"; the {what}s are {string.Join(", ", existing.Order(StringComparer.Ordinal))}";
        context.Errors.Add(context.Locations.Of(path, origin), path, $"there is no {what} named '{name}'{known}");
    }
}
