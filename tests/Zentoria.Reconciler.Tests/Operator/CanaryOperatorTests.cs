using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Status;
using static Zentoria.Reconciler.Tests.Operator.CanaryStack;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>The Canary strategy on the simulator: one step per interval across passes, withdrawn by analysis, continued after a restart.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class CanaryOperatorTests
{
    [Test]
    public async Task A_healthy_canary_climbs_5_25_100_one_interval_per_step_then_the_original_runs_it_and_the_clone_is_gone()
    {
        await using var stack = await StartAsync();
        var seen = new List<(int? Weight, string? Phase, string? Analysis)>();

        for (var i = 0; i < 8 && stack.Original.Version != Wanted; i++)
        {
            var pass = await stack.PassAsync();
            var rollout = stack.Operator.Service(Frontend).Rollout;
            seen.Add((rollout?.CanaryWeight, rollout?.Phase, rollout?.Analysis));
            TestContext.Out.WriteLine($"pass {i}: {stack.Operator.Service(Frontend).Message} | {stack.UpstreamFile?.Split('\n').Where(l => l.Contains("server")).Aggregate("", (a, b) => a + b.Trim() + " ")}");
            stack.Time.Advance(Interval);
        }

        await stack.PassAsync();
        var unit = stack.Operator.Service(Frontend);
        Assert.Multiple(() =>
        {
            Assert.That(seen.Where(s => s.Phase != nameof(RolloutPhase.Succeeded)).Select(s => s.Weight), Is.EqualTo(new int?[] { 5, 25, 100 }), string.Join(" | ", seen));
            Assert.That((stack.Original.Version, stack.CloneExists), Is.EqualTo((Wanted, false)));
            Assert.That(stack.UpstreamFile, Does.Contain("weight=100; # stable").And.Not.Contain("canary"));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(unit.Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Succeeded)));
            Assert.That(seen.Select(s => s.Analysis).OfType<string>(), Has.Some.Contains(Zentoria.Reconciler.Analysis.CanaryAnalyzer.HealthOnly));
        });
    }

    [Test]
    public async Task A_canary_that_fails_its_analysis_is_withdrawn_to_100_0_its_clone_destroyed_and_the_version_remembered()
    {
        await using var stack = await StartAsync();

        await stack.PassAsync();
        Assert.That(stack.Operator.Service(Frontend).Rollout?.CanaryWeight, Is.EqualTo(5), stack.Operator.Service(Frontend).Message);
        stack.Clone.MarkBroken(Wanted);
        stack.Time.Advance(Interval);
        await stack.PassAsync();

        var unit = stack.Operator.Service(Frontend);
        Assert.Multiple(() =>
        {
            Assert.That(stack.UpstreamFile, Does.Contain("weight=100; # stable").And.Not.Contain("canary"));
            Assert.That((stack.CloneExists, stack.Original.Version), Is.EqualTo((false, Previous)));
            Assert.That(stack.Failures.Find(Frontend, Wanted, stack.Operator.Desired.Revision), Is.Not.Null);
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Degraded)), unit.Message);
            Assert.That(unit.Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Failed)));
            Assert.That(unit.Rollout?.Analysis, Does.StartWith("Fail:"));
            Assert.That(unit.Message, Does.Contain("Canary"));
        });
    }

    [Test]
    public async Task With_a_failure_threshold_of_2_one_failed_analysis_holds_the_canary_and_the_second_withdraws_it()
    {
        await using var stack = await StartAsync(strategy: "strategy: { cloneIp: 127.0.2.220/8, interval: 30s, failureThreshold: 2 }");

        await stack.PassAsync();
        Assert.That(stack.Operator.Service(Frontend).Rollout?.CanaryWeight, Is.EqualTo(5), stack.Operator.Service(Frontend).Message);
        stack.Clone.MarkBroken(Wanted);
        stack.Time.Advance(Interval);
        await stack.PassAsync();
        var afterOne = (stack.Operator.Service(Frontend).Rollout?.CanaryWeight, stack.CloneExists, stack.Operator.Service(Frontend).Rollout?.Analysis);
        stack.Time.Advance(Interval);
        await stack.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(afterOne.CanaryWeight, Is.EqualTo(5), "one failed analysis of two allowed keeps the step");
            Assert.That(afterOne.CloneExists, Is.True);
            Assert.That(afterOne.Analysis, Does.StartWith("Fail:"));
            Assert.That(stack.UpstreamFile, Does.Contain("weight=100; # stable").And.Not.Contain("canary"));
            Assert.That((stack.CloneExists, stack.Original.Version), Is.EqualTo((false, Previous)));
            Assert.That(stack.Operator.Service(Frontend).Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Failed)));
        });
    }

    [Test]
    public async Task An_abort_request_withdraws_the_canary_and_is_cleared()
    {
        await using var stack = await StartAsync();
        await stack.PassAsync();

        stack.Requests.Request(new RolloutRequest(Frontend, RolloutRequestKind.Abort, "test", stack.Time.GetUtcNow()));
        await stack.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That((stack.CloneExists, stack.Original.Version), Is.EqualTo((false, Previous)));
            Assert.That(stack.Requests.Find(Frontend), Is.Null);
            Assert.That(stack.Operator.Service(Frontend).Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Failed)));
        });
    }

    [Test]
    public async Task An_operator_restarted_mid_step_continues_from_the_journaled_step_and_does_not_go_back_to_5_percent()
    {
        await using var stack = await StartAsync();
        await stack.PassAsync();
        stack.Time.Advance(Interval);
        await stack.PassAsync();
        Assert.That(stack.Operator.Service(Frontend).Rollout?.CanaryWeight, Is.EqualTo(25));

        var valuesBefore = stack.Operator.Service(Frontend).Rollout?.Values;

        await stack.Operator.RestartAsync();
        await stack.PassAsync();

        Assert.That(stack.UpstreamFile, Does.Contain("weight=25; # canary"));
        Assert.That(stack.Operator.Service(Frontend).Rollout?.StepIndex, Is.EqualTo(2));
        Assert.That(valuesBefore, Is.Not.Empty);
        Assert.That(stack.Operator.Service(Frontend).Rollout?.Values, Is.EqualTo(valuesBefore), "the last analysis's values, read back from the journal before any new analysis");
    }

    [Test]
    public async Task The_bad_canary_scenarios_release_passes_its_first_check_takes_5_percent_and_is_withdrawn_by_the_next_analysis()
    {
        await using var stack = await StartAsync(clone => clone.MarkBrokenAfter(Wanted, Zentoria.Reconciler.Sandbox.SandboxSeed.BadCanaryHealthyAnswers));

        await stack.PassAsync();
        var first = stack.Operator.Service(Frontend).Rollout;
        stack.Time.Advance(Interval);
        await stack.PassAsync();

        var unit = stack.Operator.Service(Frontend);
        Assert.Multiple(() =>
        {
            Assert.That(first?.CanaryWeight, Is.EqualTo(5), unit.Message);
            Assert.That((stack.CloneExists, stack.Original.Version), Is.EqualTo((false, Previous)));
            Assert.That(stack.UpstreamFile, Does.Not.Contain("canary"));
            Assert.That(unit.Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Failed)));
            Assert.That(unit.Rollout?.Analysis, Does.Contain("consecutive failed health checks"));
        });
    }
}
