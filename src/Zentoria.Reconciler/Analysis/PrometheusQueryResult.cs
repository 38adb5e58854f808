using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Zentoria.Reconciler.Analysis;

/// <summary>An instant query's series (a scalar answers as one series without labels), or why there are none.</summary>
internal sealed record PrometheusQueryResult(ImmutableArray<PrometheusSample> Samples, PrometheusErrorKind? ErrorKind, string? Error)
{
    [MemberNotNullWhen(false, nameof(ErrorKind), nameof(Error))]
    public bool Succeeded => ErrorKind is null;

    public static PrometheusQueryResult Success(ImmutableArray<PrometheusSample> samples) => new(samples, null, null);

    public static PrometheusQueryResult Failure(PrometheusErrorKind kind, string error) => new([], kind, error);
}
