using System.Collections.Immutable;

namespace Zentoria.Reconciler.Analysis;

/// <summary>One series of an instant query's answer: its labels and its value (NaN and infinities included).</summary>
internal sealed record PrometheusSample(ImmutableSortedDictionary<string, string> Labels, double Value);
