using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>One planned step of a container unit with what its action needs to re-check and carry it out.</summary>
/// <param name="Spec">The desired container; null for a container being pruned.</param>
/// <param name="Live">The container as observed at the start of the pass; null when it did not exist.</param>
internal sealed record ContainerStep(PlanStep Step, ContainerSpec? Spec, LiveContainer? Live, string ManagedTag, string Revision)
{
    public VmId VmId => Step.Unit.VmId!.Value;

    public NodeName Node => Spec?.Node ?? Live!.Node;

    public UnitKey Unit => new(UnitKind.Container, Step.Unit.Name);

    public string CtLabel => $"CT {VmId}";

    public MutatingAction Action(string name, string? before, string? after, IReadOnlyDictionary<string, string>? facts = null) =>
        new(Unit, name, Node, VmId, Revision, before, after, facts);
}
