using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class SpecFingerprintTests
{
    private static readonly FlagSpec Flag = new("chat-v2", false, 0, [], null);

    [Test]
    public void Moving_a_document_within_its_file_keeps_its_fingerprint()
    {
        var spec = Flags([Flag], new SourceLocation("base/flags.yaml", 3, 1));
        var moved = spec with { Origin = new SourceLocation("base/flags.yaml", 40, 1) };

        Assert.That(SpecFingerprint.Of(moved), Is.EqualTo(SpecFingerprint.Of(spec)));
    }

    [Test]
    public void Changing_what_a_document_asks_for_changes_its_fingerprint()
    {
        var spec = Flags([Flag], SourceLocation.None);
        var changed = Flags([Flag with { Rollout = 5 }], SourceLocation.None);

        Assert.That(SpecFingerprint.Of(changed), Is.Not.EqualTo(SpecFingerprint.Of(spec)));
    }

    private static FeatureFlagSetSpec Flags(ImmutableArray<FlagSpec> flags, SourceLocation origin) =>
        new("gateway-flags", new ServiceName("mcp-gateway"), "/opt/zentoria/config/feature-flags.json", null, flags, origin);
}
