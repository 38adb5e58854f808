using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>One change about to be made to the live system, described for the journal, the audit trail and the logs.</summary>
/// <param name="Name">The action, such as <c>resize-memory</c>; also the journal's step name.</param>
/// <param name="Node">The Proxmox node the change goes to; mutations toward one node are serialised.</param>
/// <param name="VmId">The guest it changes, or null for changes that are not to one guest.</param>
/// <param name="Revision">The desired-state revision being enforced.</param>
/// <param name="Before">The value before, as people read it (<c>2048 MiB</c>), or null.</param>
/// <param name="After">The value asked for, or null for a removal.</param>
/// <param name="Facts">What cannot be observed afterwards and a restart needs; journaled before acting. Never secrets.</param>
internal sealed record MutatingAction(
    UnitKey Unit,
    string Name,
    NodeName Node,
    VmId? VmId,
    string Revision,
    string? Before,
    string? After,
    IReadOnlyDictionary<string, string>? Facts = null);
