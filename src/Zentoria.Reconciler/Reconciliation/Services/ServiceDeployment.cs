using System.Runtime.CompilerServices;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>One service's deploy: what to install, where, through which shell, under which revision.</summary>
/// <param name="Rollout">The journaled rollout: a fresh one, or one a previous run left unfinished.</param>
/// <param name="Tally">Counts the mutating actions the deploy started, for the pass's figures.</param>
internal sealed record ServiceDeployment(
    UnitKey Unit,
    ServiceSpec Spec,
    ContainerSpec Container,
    string Revision,
    IGuestShell Shell,
    Rollout Rollout,
    StrongBox<int> Tally)
{
    /// <summary>Describes the next mutating action for <see cref="ActionRunner"/>, and counts it.</summary>
    public MutatingAction Action(string name, string? before, string? after)
    {
        Interlocked.Increment(ref Tally.Value);
        return new(Unit, name, Container.Node, Container.VmId, Revision, before, after);
    }
}
