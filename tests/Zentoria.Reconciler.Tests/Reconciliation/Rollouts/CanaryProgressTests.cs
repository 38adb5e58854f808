using System.Collections.Immutable;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Tests.Reconciliation.Rollouts;

internal sealed class CanaryProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_journaled_ladder_reads_back_as_written()
    {
        var progress = new CanaryProgress(Now, 1, Now.AddMinutes(10), 2, AnalysisVerdict.Inconclusive, true, "Inconclusive: 3 requests in 1m") { Target = "v1.4.2" };

        var entry = new JournalEntry(UnitKind.Service, "frontend", CanaryProgress.Step, JournalStepState.Intended, "rev", progress.Facts(), Now, null);

        Assert.That(CanaryProgress.From(entry), Is.EqualTo(progress));
    }

    [Test]
    public void The_last_analysis_values_are_journaled_and_read_back_to_the_last_digit()
    {
        var progress = new CanaryProgress(Now, 0, Now, 1, AnalysisVerdict.Fail, false, "Fail: error-rate 8.861 % above 5 %")
        {
            Values = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["error-rate"] = 8.861038961038961, ["latency-p99"] = 0.005, ["health-failures"] = 0 }),
        };

        var entry = new JournalEntry(UnitKind.Service, "frontend", CanaryProgress.Step, JournalStepState.Intended, "rev", progress.Facts(), Now, null);

        Assert.That(CanaryProgress.From(entry)!.Values, Is.EqualTo(progress.Values));
    }

    [Test]
    public void An_entry_without_its_start_is_not_a_ladder()
    {
        var entry = new JournalEntry(UnitKind.Service, "frontend", CanaryProgress.Step, JournalStepState.Intended, "rev", ImmutableSortedDictionary<string, string>.Empty, Now, null);

        Assert.That(CanaryProgress.From(entry), Is.Null);
    }
}
