using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>Either the validated desired state, or every error found in it (never both).</summary>
/// <param name="DocumentCount">Documents after the overlay was merged; also counted when there are errors.</param>
internal sealed record DesiredStateLoadResult(Desired? Desired, ImmutableArray<ValidationError> Errors, int DocumentCount)
{
    [MemberNotNullWhen(true, nameof(Desired))]
    public bool IsValid => Desired is not null;

    public static DesiredStateLoadResult Failed(ImmutableArray<ValidationError> errors, int documentCount = 0) => new(null, errors, documentCount);
}
