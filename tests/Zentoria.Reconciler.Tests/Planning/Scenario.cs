using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Planning.Snapshots;

namespace Zentoria.Reconciler.Tests.Planning;

/// <summary>A generated desired state and a live snapshot to plan against.</summary>
internal sealed record Scenario(Desired Desired, LiveState Live)
{
    // FsCheck prints a failing case with ToString; make it readable enough to reproduce by hand.
    public override string ToString() =>
        $"prune={Desired.Environment.Prune} containers=[{string.Join(", ", Desired.Containers.Select(c => $"{c.Name}/{c.VmId} {c.State} {c.Resources} {c.Network} tags={string.Join(';', c.Tags)} drift={c.Drift.Mode}:{string.Join(',', c.Drift.IgnoreFields)} restart={c.Restart} create={c.Create is not null}"))}]"
        + $" services=[{string.Join(", ", Desired.Services.Select(s => $"{s.Name}@{s.Version} on {s.Container} after {string.Join(',', s.DependsOn)} {s.Drift.Mode}"))}]"
        + $" flagSets=[{string.Join(", ", Desired.FeatureFlags.Select(f => $"{f.Name} of {f.Service}: {string.Join(',', f.Flags.Select(x => $"{x.Name}={x.Enabled}/{x.Rollout}/[{string.Join(' ', x.Steps)}]"))}"))}]"
        + $"\nlive={LiveSnapshotJson.Write(Live)}";
}
