using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Faults;

/// <summary>
/// Holds the active fault rules and decides, per request, which ones fire. Chance comes from an injected
/// <see cref="Random"/> so a seeded test sees the same faults every run. Thread-safe.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<RuleState> _rules = [];
    private readonly Random _random;

    public FaultInjector(Random random) => _random = random;

    /// <summary>Added to every request before it is answered (the benchmarks use 5 ms).</summary>
    public TimeSpan Latency { get; set; }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Probability is < 0 or > 1 || double.IsNaN(rule.Probability))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.Probability, "Probability must be between 0 and 1.");
        }

        lock (_gate)
        {
            _rules.Add(new RuleState(rule, rule.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Every rule that fires for this request (latency ones included), consuming their remaining counts.</summary>
    internal IReadOnlyList<FaultRule> Draw(string routeName, string template, int? vmid)
    {
        lock (_gate)
        {
            if (_rules.Count == 0)
            {
                return [];
            }

            var fired = new List<FaultRule>();
            foreach (var state in _rules)
            {
                if (state.Remaining is 0 || !state.Rule.Matches(routeName, template, vmid))
                {
                    continue;
                }

                if (state.Rule.Probability < 1 && _random.NextDouble() >= state.Rule.Probability)
                {
                    continue;
                }

                state.Remaining--;
                fired.Add(state.Rule);
            }

            _rules.RemoveAll(s => s.Remaining is 0);
            return fired;
        }
    }

    internal static TaskFault? TaskFaultOf(IReadOnlyList<FaultRule> fired) =>
        fired.FirstOrDefault(r => r.Kind is FaultKind.FailTask or FaultKind.HangTask) is { } rule
            ? new TaskFault(rule.Kind == FaultKind.HangTask ? TaskOutcome.Hang : TaskOutcome.Fail, rule.Message)
            : null;

    private sealed class RuleState(FaultRule rule, int? remaining)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;
    }
}
