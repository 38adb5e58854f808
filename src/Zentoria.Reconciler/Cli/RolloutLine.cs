using System.Globalization;
using System.Text;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Cli;

/// <summary>One service's release as <c>status</c> prints it: strategy, phase, version, step, weights, last analysis.</summary>
internal static class RolloutLine
{
    /// <example><c>mcp-gateway: Canary Progressing v1.5.0, step 2/3 (weight 25 %), stable 75 % / canary 25 %, analysis: Pass (error-rate 0.4, latency-p99 0.012, samples 120)</c></example>
    public static string Render(string service, RolloutStatus rollout)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{service}: {rollout.Strategy} {rollout.Phase} {rollout.Version}");
        if (rollout.StepIndex is { } index)
        {
            text.Append(CultureInfo.InvariantCulture, $", step {index}/{rollout.StepCount}");
        }

        if (rollout.Step is { } step)
        {
            text.Append(rollout.StepIndex is null ? $", next {step}" : $" ({step})");
        }

        text.Append(CultureInfo.InvariantCulture, $", stable {rollout.StableWeight} % / canary {rollout.CanaryWeight} %");
        text.Append(", analysis: ").Append(rollout.Analysis ?? "none yet");
        if (!rollout.Values.IsEmpty)
        {
            text.Append(" (")
                .AppendJoin(", ", rollout.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value.ToString("0.###", CultureInfo.InvariantCulture)}"))
                .Append(')');
        }

        if (rollout.StartedAt is { } started)
        {
            text.Append(CultureInfo.InvariantCulture, $", started {started.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
        }

        return text.ToString();
    }
}
