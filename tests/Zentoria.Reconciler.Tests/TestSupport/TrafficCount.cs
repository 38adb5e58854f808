namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>What a bounded burst of requests saw: answers by body, and failures (no answer, or a 5xx).</summary>
internal sealed record TrafficCount(IReadOnlyDictionary<string, int> Answers, int Failures, int Requests)
{
    /// <summary>The share of requests that <paramref name="answer"/> answered, in percent.</summary>
    public double PercentOf(string answer) => 100.0 * Answers.GetValueOrDefault(answer) / Requests;

    public override string ToString() =>
        $"{Requests} requests, {Failures} failed: " + string.Join(", ", Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
}
