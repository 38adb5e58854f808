using System.Globalization;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>What a <see cref="LoadLoop"/> saw, in the order the answers arrived.</summary>
/// <param name="TimedOut">The loop stopped at its time limit rather than when told to.</param>
internal sealed record LoadReport(long Started, IReadOnlyList<LoadAnswer> Timeline, bool TimedOut)
{
    public int Requests => Timeline.Count;

    /// <summary>Requests with no answer, or a 5xx.</summary>
    public int Failures => Timeline.Count(a => a.Body is null);

    public IReadOnlyDictionary<string, int> Answers =>
        Timeline.Where(a => a.Body is not null).GroupBy(a => a.Body!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Requests sent a second time because their keep-alive connection was closed under them (see <see cref="LoadLoop"/>).</summary>
    public int Retried => Timeline.Count(a => a.Retried);

    /// <summary>The longest time in which no request succeeded: between two successes, or from the start to the first.</summary>
    public TimeSpan LongestGap
    {
        get
        {
            var longest = TimeSpan.Zero;
            var previous = Started;
            foreach (var answer in Timeline.Where(a => a.Body is not null))
            {
                var gap = TimeProvider.System.GetElapsedTime(previous, answer.At);
                longest = gap > longest ? gap : longest;
                previous = answer.At;
            }

            return longest;
        }
    }

    /// <summary>
    /// From <paramref name="from"/> to the last answer that was not <paramref name="body"/> (another answer or a
    /// failure): after it, every request was answered by <paramref name="body"/>. Null if nothing else came after it.
    /// </summary>
    public TimeSpan? UntilOnly(string body, long from) =>
        Timeline.LastOrDefault(a => a.At >= from && a.Body != body) is { } last ? TimeProvider.System.GetElapsedTime(from, last.At) : null;

    /// <summary>Answers that arrived after <paramref name="from"/> and were not <paramref name="body"/>.</summary>
    public int OtherThan(string body, long from) => Timeline.Count(a => a.At >= from && a.Body != body);

    public override string ToString() =>
        $"{Requests} requests, {Failures} failed, {Retried} resent (connection closed before any answer), longest gap {LongestGap.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms: "
        + string.Join(", ", Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))
        + string.Concat(Timeline.Where(a => a.Body is null || a.Retried).Take(3).Select(a =>
            $"; {(a.Body is null ? "failed" : "resent")} at {TimeProvider.System.GetElapsedTime(Started, a.At).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms: {a.Failure}"));
}
