using System.Globalization;
using System.Runtime.Versioning;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>One release under load: what the clients saw, the passes it took, and when the release ran.</summary>
[SupportedOSPlatform("linux")]
internal sealed record ReleaseUnderLoad(LoadReport Load, int Passes, long Started, long Ended)
{
    /// <summary>From the release's start until every request was answered by the new version.</summary>
    public TimeSpan? SwitchTime => Load.UntilOnly(GuestBackends.Answer(GatewayRig.Next), Started);

    public TimeSpan ReleaseTime => TimeProvider.System.GetElapsedTime(Started, Ended);

    public string Describe(string strategy) => string.Create(CultureInfo.InvariantCulture,
        $"{strategy}: {Load}; release {ReleaseTime.TotalMilliseconds:0} ms in {Passes} pass(es), all traffic on {GatewayRig.Next} {SwitchTime?.TotalMilliseconds:0} ms after it started");
}
