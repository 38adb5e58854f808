using System.Runtime.Versioning;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// A release of the backend while keep-alive clients send at least 20,000 requests through a real NGINX: blue/green
/// through the clone CT 411 loses none, and the same load against a rolling (in-place) update shows what it costs.
/// </summary>
[Category("Integration")]
[NonParallelizable]
[SupportedOSPlatform("linux")]
internal sealed class BlueGreenUnderLoadTests
{
    public const int Requests = 20_000;

    /// <summary>The deploy script's install time, with the old process stopped: what a rolling update costs.</summary>
    public static readonly TimeSpan InstallDelay = TimeSpan.FromMilliseconds(300);

    private const int Afterwards = 1_000;
    private const int MaxPasses = 6;

    [Test]
    public async Task A_blue_green_release_under_20000_keep_alive_requests_fails_none_and_ends_with_all_traffic_on_the_new_version()
    {
        await using var rig = await GatewayRig.StartAsync(StrategyKind.BlueGreen, InstallDelay);
        Assert.That(await rig.SettleAsync(MaxPasses), Is.LessThanOrEqualTo(MaxPasses), rig.Describe());

        ReleaseUnderLoad run;
        int checks;
        IReadOnlyList<string> violations;
        await using (var guard = UpstreamGuard.Start(rig.UpstreamPath))
        {
            run = await rig.ReleaseUnderLoadAsync(Requests, MaxPasses);
            (checks, violations) = (guard.Checks, guard.Violations);
        }

        var after = await AfterwardsAsync(rig);
        TestContext.Out.WriteLine(run.Describe("blue/green"));
        Assert.Multiple(() =>
        {
            Assert.That(run.Passes, Is.LessThanOrEqualTo(MaxPasses), rig.Describe());
            Assert.That(run.Load.Requests, Is.GreaterThanOrEqualTo(Requests), run.Load.ToString());
            Assert.That(run.Load.Failures, Is.Zero, run.Load.ToString());
            Assert.That(run.Load.Answers.Keys, Is.EquivalentTo(new[] { GuestBackends.Answer(GatewayRig.Previous), GuestBackends.Answer(GatewayRig.Next) }), "the release happened while the load ran");
            Assert.That(after.Answers, Is.EqualTo(new Dictionary<string, int> { [GuestBackends.Answer(GatewayRig.Next)] = Afterwards }), after.ToString());
            Assert.That(violations, Is.Empty, "the upstream pointed at a backend that did not serve");
            Assert.That(checks, Is.GreaterThan(0), "the upstream file was checked against the live backends");
            Assert.That((rig.CloneExists, rig.CloneBackendRuns), Is.EqualTo((false, false)), "the clone and its backend are gone");
            Assert.That(rig.BackendsStoppedByWatch, Is.EqualTo(1), "destroying the clone stopped its backend");
            Assert.That(rig.Operator.Live(GuestBackends.Original).Snapshots, Does.Not.Contain(BlueGreenDeploy.CloneSource), "the clone's source snapshot is gone");
            Assert.That(File.ReadAllText(rig.UpstreamPath), Does.Contain($"server {GuestBackends.Addresses[GuestBackends.Original]}:").And.Contain("# stable"));
        });
    }

    [Test]
    public async Task The_same_load_against_a_rolling_update_is_measured_for_comparison()
    {
        await using var rig = await GatewayRig.StartAsync(StrategyKind.Rolling, InstallDelay);
        Assert.That(await rig.SettleAsync(MaxPasses), Is.LessThanOrEqualTo(MaxPasses), rig.Describe());

        var run = await rig.ReleaseUnderLoadAsync(Requests, MaxPasses);
        var after = await AfterwardsAsync(rig);
        TestContext.Out.WriteLine(run.Describe("rolling"));

        // No figure is asserted: the comparison is what this run measured (docs/benchmarks.md has it).
        Assert.Multiple(() =>
        {
            Assert.That(run.Passes, Is.LessThanOrEqualTo(MaxPasses), rig.Describe());
            Assert.That(run.Load.Requests, Is.GreaterThanOrEqualTo(Requests), run.Load.ToString());
            Assert.That(run.Load.Answers.Keys, Does.Contain(GuestBackends.Answer(GatewayRig.Next)));
            Assert.That(after.Answers, Is.EqualTo(new Dictionary<string, int> { [GuestBackends.Answer(GatewayRig.Next)] = Afterwards }), after.ToString());
            Assert.That(rig.CloneExists, Is.False, "a rolling update makes no clone");
        });
    }

    private static async Task<TrafficCount> AfterwardsAsync(GatewayRig rig)
    {
        using var traffic = new TrafficClient(rig.Nginx.BaseAddress);
        return await traffic.SendAsync(Afterwards);
    }
}
