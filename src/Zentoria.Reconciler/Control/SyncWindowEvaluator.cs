using System.Globalization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// Decides whether disruptive steps may run at an instant, with Argo CD's sync-window rules: an active deny window
/// blocks; when allow windows exist, one of them must be active; with none, everything not denied is allowed.
/// A manual override (until an instant) allows in spite of both.
/// </summary>
/// <remarks>Pure: the caller passes the instant (from its <see cref="TimeProvider"/>) and the windows of the
/// environment and the unit together.</remarks>
internal static class SyncWindowEvaluator
{
    /// <summary>How far ahead the next opening is looked for; a window that opens less often reports no time.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(32);

    public static WindowDecision Evaluate(IEnumerable<SyncWindowSpec> windows, DateTimeOffset now, DateTimeOffset? overrideUntil)
    {
        if (overrideUntil is { } until && now < until)
        {
            return new WindowDecision(true, null, $"manual override until {Format(until)}");
        }

        var compiled = new List<CompiledWindow>();
        foreach (var spec in windows)
        {
            // The loader has validated both; a machine without tzdata is the case left, and then closed is the safe answer.
            if (CompiledWindow.TryCompile(spec, out var error) is not { } window)
            {
                return new WindowDecision(false, null, $"{spec.Kind.ToString().ToLowerInvariant()} window '{spec.Schedule}' cannot be evaluated: {error}");
            }

            compiled.Add(window);
        }

        var denies = compiled.Where(w => w.Spec.Kind == SyncWindowKind.Deny).ToList();
        var allows = compiled.Where(w => w.Spec.Kind == SyncWindowKind.Allow).ToList();
        var activeDeny = denies.FirstOrDefault(w => w.IsOpen(now));
        var outsideAllows = allows.Count > 0 && !allows.Any(w => w.IsOpen(now));
        if (activeDeny is null && !outsideAllows)
        {
            return new WindowDecision(true, null, allows.Count > 0 ? "inside an allow window" : "no deny window is active");
        }

        var reason = activeDeny is not null ? $"{activeDeny.Describe()} is active" : "outside every allow window";
        var next = NextOpening(denies, allows, now);
        return new WindowDecision(false, next, next is { } at ? $"{reason}; next opening {Format(at)}" : $"{reason}; no opening within {Horizon.TotalDays:0} days");
    }

    private static DateTimeOffset? NextOpening(List<CompiledWindow> denies, List<CompiledWindow> allows, DateTimeOffset now)
    {
        var end = now + Horizon;
        var denied = Intervals(denies, now, end);
        var allowed = Intervals(allows, now, end);

        // The state changes only where a deny window closes or an allow window opens; the first such point that is
        // open is the answer.
        var candidates = denied.Select(i => i.End).Concat(allowed.Select(i => i.Start))
            .Where(c => c > now && c <= end).Order();
        foreach (var candidate in candidates)
        {
            var isDenied = denied.Any(i => i.Start <= candidate && candidate < i.End);
            var isAllowed = allows.Count == 0 || allowed.Any(i => i.Start <= candidate && candidate < i.End);
            if (!isDenied && isAllowed)
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> Intervals(List<CompiledWindow> windows, DateTimeOffset now, DateTimeOffset end) =>
        [.. windows.SelectMany(w => w.Starts(now - w.Spec.Duration, end).Select(s => (s, s + w.Spec.Duration)))];

    private static string Format(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
