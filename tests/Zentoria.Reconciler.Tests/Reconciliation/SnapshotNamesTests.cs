using Zentoria.Reconciler.Reconciliation.Services;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class SnapshotNamesTests
{
    [TestCase("zentoria-v1-4-1-20261126120000", "v1.4.1")]
    [TestCase("zentoria-1-0-0-20261126120000", "1.0.0")]
    [TestCase("zentoria-v1-5-0-rc-1-20261126120000", "V1.5.0-RC.1")]
    [TestCase("zentoria-v10-20-30-beta-4-20261126120000", "v10.20.30-beta.4+build.5")]
    [TestCase("zentoria-unknown-20261126120000", null)]
    public void Snapshot_names_fit_proxmox_and_carry_the_version_and_the_time(string expected, string? version)
    {
        var name = SnapshotNames.For(version, new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.FromHours(1)));

        Assert.That(name, Is.EqualTo(expected));
        Assert.That(name, Has.Length.LessThanOrEqualTo(40).And.Match("^[a-z][a-z0-9_-]+$"));
        Assert.That(SnapshotNames.IsOperatorMade(name), Is.True);
    }
}
