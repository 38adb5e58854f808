namespace Zentoria.Reconciler.Tests.Reconciliation.Rollouts;

/// <summary>Drives a release model one decision at a time, as passes of the operator would.</summary>
internal static class StepLoop
{
    /// <summary>Takes steps until one rests, at most <paramref name="limit"/>; fails the test, naming the steps taken, if none does.</summary>
    public static TDecision UntilRest<TDecision>(Func<TDecision> step, Func<TDecision, bool> rests, int limit, Func<string> stepsTaken)
    {
        for (var i = 0; i < limit; i++)
        {
            var decision = step();
            if (rests(decision))
            {
                return decision;
            }
        }

        Assert.Fail($"no rest after {limit} steps: {stepsTaken()}");
        return default!;
    }
}
