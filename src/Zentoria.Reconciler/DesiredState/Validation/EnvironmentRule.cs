using Zentoria.Reconciler.DesiredState.Binding;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>Exactly one Environment document, named after its folder, and at least one container.</summary>
internal static class EnvironmentRule
{
    public static void Check(BoundState state, BindingContext context)
    {
        var folder = new SourceLocation(state.EnvironmentFolder, 0, 0);
        var environments = state.Documents.Where(d => d.Kind == DocumentKinds.Environment).ToList();
        if (environments.Count == 0)
        {
            context.Errors.Add(folder, "environment",
                $"there is no Environment document; add one with kind: Environment and metadata.name: {state.EnvironmentName}");
        }

        foreach (var extra in environments.Skip(1))
        {
            context.Errors.Add(extra.NameLocation, "environment",
                $"a second Environment document ('{extra.Name}'); an environment has exactly one, and the first is at {environments[0].NameLocation}");
        }

        if (environments.Count > 0 && environments[0].Name != state.EnvironmentName)
        {
            context.Errors.Add(environments[0].NameLocation, "environment",
                $"the Environment in {state.EnvironmentFolder} is named '{environments[0].Name}'; name it '{state.EnvironmentName}'");
        }

        if (state.Containers.IsEmpty && !state.Documents.Any(d => d.Kind == DocumentKinds.Container))
        {
            var where = environments.Count > 0 ? environments[0].NameLocation : folder;
            context.Errors.Add(where, "containers",
                "no containers are desired: applying this would delete everything, so it is refused");
        }
    }
}
