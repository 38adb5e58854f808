using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>What a step acts on.</summary>
/// <param name="Name">The document name; for a container pruned from the desired state, its live hostname.</param>
/// <param name="VmId">The container's id; null for services and flag sets.</param>
internal sealed record PlanUnit(UnitKind Kind, string Name, VmId? VmId)
{
    public static PlanUnit Container(string name, VmId vmId) => new(UnitKind.Container, name, vmId);

    public static PlanUnit Service(ServiceName name) => new(UnitKind.Service, name.Value, null);

    public static PlanUnit FlagSet(string name) => new(UnitKind.FeatureFlags, name, null);

    public override string ToString() => VmId is { } id ? $"{Kind} {Name} (CT {id})" : $"{Kind} {Name}";
}
