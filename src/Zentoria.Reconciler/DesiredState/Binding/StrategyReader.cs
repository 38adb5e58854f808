using System.Collections.Immutable;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class StrategyReader
{
    public static readonly TimeSpan DefaultCanaryInterval = TimeSpan.FromMinutes(10);

    private static readonly string[] Keys = ["type", "cloneVmid", "cloneIp", "steps", "interval", "progressDeadline", "keepClone", "failureThreshold", "analysisWindow"];
    private static readonly string[] CloneKeys = ["cloneVmid", "cloneIp"];
    private static readonly string[] ReleaseKeys = ["progressDeadline", "keepClone"];
    private static readonly string[] CanaryKeys = ["steps", "interval", "failureThreshold", "analysisWindow"];

    // A PromQL rate needs two scrapes inside its range; an hour-long range would judge a step by what came before it.
    private static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);

    public static StrategySpec Read(MappingReader spec)
    {
        var strategy = spec.Mapping("strategy", Keys);
        if (!strategy.Exists)
        {
            return StrategySpec.Rolling;
        }

        var written = strategy.Enum("type", EnumNames.Strategies);
        var type = written ?? StrategyKind.Rolling;
        var cloneVmid = strategy.Integer("cloneVmid", required: type != StrategyKind.Rolling, VmId.Min, VmId.Max);
        var cloneIp = strategy.String("cloneIp", check: v => v == "dhcp" ? "leave cloneIp out to give the clone a DHCP address" : Formats.CheckCidr(v));
        var steps = strategy.Integers("steps", 1, 100);
        var interval = strategy.Duration("interval");
        var deadline = strategy.Duration("progressDeadline");
        var keepClone = strategy.Duration("keepClone");
        var failureThreshold = strategy.Integer("failureThreshold", min: 1, max: 100);
        var window = strategy.Duration("analysisWindow");
        if (window is { } range && (range < ShortestWindow || range > LongestWindow))
        {
            strategy.Error("analysisWindow", $"must be between 10s and 1h, not {PromQlTemplate.Duration(range)}");
        }

        if (written is null && strategy.Has("type"))
        {
            // The type is misspelt; which fields belong to it is anyone's guess, so only its own error is shown.
            return new StrategySpec(type, cloneVmid is { } guess ? new VmId(guess) : null, cloneIp, steps, interval ?? TimeSpan.Zero);
        }

        if (keepClone is not null && type == StrategyKind.Canary)
        {
            strategy.Error("keepClone", "only a BlueGreen strategy keeps its clone");
        }

        if (type == StrategyKind.Rolling)
        {
            foreach (var key in CloneKeys.Where(strategy.Has))
            {
                strategy.Error(key, "a Rolling strategy updates in place and has no clone; use BlueGreen or Canary");
            }

            foreach (var key in ReleaseKeys.Where(strategy.Has))
            {
                strategy.Error(key, $"only a BlueGreen or Canary release has a {key}");
            }
        }

        if (type != StrategyKind.Canary)
        {
            foreach (var key in CanaryKeys.Where(strategy.Has))
            {
                strategy.Error(key, $"only a Canary strategy has {key}");
            }

            return new StrategySpec(type, cloneVmid is { } id ? new VmId(id) : null, cloneIp, [], TimeSpan.Zero) with
            {
                ProgressDeadline = deadline ?? StrategySpec.DefaultProgressDeadline,
                KeepClone = keepClone ?? TimeSpan.Zero,
            };
        }

        if (strategy.Has("steps") && !IsCanaryLadder(steps))
        {
            strategy.Error("steps", $"canary steps must be strictly ascending and end at 100, such as [5, 25, 100]; found [{string.Join(", ", steps)}]");
        }

        return new StrategySpec(
            type,
            cloneVmid is { } clone ? new VmId(clone) : null,
            cloneIp,
            strategy.Has("steps") ? steps : StrategySpec.DefaultCanarySteps,
            interval ?? DefaultCanaryInterval)
        {
            ProgressDeadline = deadline ?? StrategySpec.DefaultProgressDeadline,
            FailureThreshold = failureThreshold ?? StrategySpec.DefaultFailureThreshold,
            AnalysisWindow = window ?? StrategySpec.DefaultAnalysisWindow,
        };
    }

    private static bool IsCanaryLadder(ImmutableArray<int> steps) =>
        steps.Length > 0 && steps[^1] == 100 && steps.Zip(steps.Skip(1)).All(p => p.First < p.Second);
}
