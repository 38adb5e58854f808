using System.Collections.Immutable;
using System.Globalization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>How field values are written in a plan, and read back when a plan is applied to a live model.</summary>
internal static class PlanValues
{
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "true" : "false";

    public static string Of(PowerState state) => state == PowerState.Running ? "running" : "stopped";

    /// <summary>Tags as Proxmox stores them: joined with <c>;</c>.</summary>
    public static string Of(ImmutableArray<string> tags) => string.Join(';', tags);

    public static int ParseInt(string? value) => int.Parse(value ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static bool ParseBool(string? value) => value == "true";

    public static ImmutableArray<string> ParseTags(string? value) =>
        NormaliseTags((value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower-case, de-duplicated, sorted: what Proxmox makes of any tag list it is given.</summary>
    public static ImmutableArray<string> NormaliseTags(IEnumerable<string> tags) =>
        [.. tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The spec's tags plus the environment's managed tag, which marks the container as the operator's.</summary>
    public static ImmutableArray<string> EffectiveTags(ContainerSpec spec, string managedTag) =>
        NormaliseTags(string.IsNullOrWhiteSpace(managedTag) ? spec.Tags : spec.Tags.Append(managedTag));
}
