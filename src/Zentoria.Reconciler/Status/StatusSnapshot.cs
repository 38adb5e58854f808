using System.Collections.Immutable;

namespace Zentoria.Reconciler.Status;

/// <summary>The whole environment's status at one moment; immutable, so readers never see a half-written pass.</summary>
/// <param name="Revision">The desired-state revision being enforced: the last valid one.</param>
/// <param name="ValidationErrors">
/// Empty while the desired state is valid. Otherwise the errors of the newest, invalid revision
/// (<c>file:line:column: message</c>), while <paramref name="Revision"/> keeps being enforced.
/// </param>
/// <param name="InvalidRevision">The revision that failed validation, or null.</param>
/// <param name="Units">Sorted by kind, then name.</param>
/// <param name="Source">Where the desired state comes from and the last fetch error; null until the first load.</param>
/// <param name="Control">Approvals, suspensions and window overrides; null until the first pass.</param>
internal sealed record StatusSnapshot(
    string Environment,
    string? Revision,
    string? InvalidRevision,
    ImmutableArray<string> ValidationErrors,
    DateTimeOffset? LastPassStartedAt,
    DateTimeOffset? LastSuccessfulPassAt,
    bool Ready,
    ImmutableArray<UnitStatus> Units,
    SourceStatus? Source = null,
    ControlStatus? Control = null);
