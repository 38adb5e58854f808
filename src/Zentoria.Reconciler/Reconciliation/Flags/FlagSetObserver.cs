using System.Collections.Concurrent;
using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>
/// Reads each flag set's file in its service's container. A missing file is live state (<c>Exists: false</c>, so
/// the planner writes it); an unreachable guest or a malformed file is not observed, and the error is kept for
/// the unit's status instead: planning against a guess could overwrite a file a person is editing.
/// </summary>
internal sealed class FlagSetObserver(IGuestShellProvider guests)
{
    private readonly ConcurrentDictionary<string, FlagSetObservation> last = new(StringComparer.Ordinal);

    /// <summary>The latest observation of a flag set, or null before the first.</summary>
    public FlagSetObservation? Last(string name) => last.GetValueOrDefault(name);

    public async Task<ImmutableArray<LiveFlagSet>> ObserveAsync(Desired desired, CancellationToken cancellationToken)
    {
        var observed = await Task.WhenAll(desired.FeatureFlags.Select(f => ObserveAsync(desired, f, cancellationToken)));
        foreach (var observation in observed)
        {
            last[observation.Name] = observation;
        }

        return [.. observed.Where(o => o.Live is not null).Select(o => o.Live!)];
    }

    public IGuestShell? ShellFor(Desired desired, FeatureFlagSetSpec spec) => ContainerOf(desired, spec) is { } container ? guests.ShellFor(container) : null;

    public static ContainerSpec? ContainerOf(Desired desired, FeatureFlagSetSpec spec) =>
        desired.Services.FirstOrDefault(s => s.Name == spec.Service) is { } service
            ? desired.Containers.FirstOrDefault(c => c.Name == service.Container)
            : null;

    private async Task<FlagSetObservation> ObserveAsync(Desired desired, FeatureFlagSetSpec spec, CancellationToken cancellationToken)
    {
        if (ShellFor(desired, spec) is not { } shell)
        {
            return new FlagSetObservation(spec.Name, null, $"No guest shell reaches the container of service {spec.Service.Value}.");
        }

        var read = await shell.ReadFileAsync(spec.File, FlagFile.MaxBytes, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error.Kind == GuestErrorKind.FileNotFound
                ? new FlagSetObservation(spec.Name, new LiveFlagSet(spec.Name, Exists: false, []), null)
                : new FlagSetObservation(spec.Name, null, $"Cannot read {spec.File}: {read.Error}");
        }

        return FlagFile.TryParse(read.Value.Content, out var file, out var error)
            ? new FlagSetObservation(spec.Name, new LiveFlagSet(spec.Name, Exists: true, file.Flags), null)
            : new FlagSetObservation(spec.Name, null, $"{spec.File} is not a flags file: {error.Message}");
    }
}
