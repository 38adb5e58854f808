using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using static Zentoria.Reconciler.Tests.Operator.ServiceStack;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>Service units on the simulator with simulated guests: deploys, rollbacks, remembered failures, snapshots, resumption.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class ServiceDeployTests
{
    [Test]
    public async Task A_stale_version_is_deployed_in_place_and_the_service_ends_Synced_and_Healthy()
    {
        await using var stack = await StartAsync();

        await stack.PassAsync();
        var again = await stack.PassAsync();

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(stack.Orchestrated.Version, Is.EqualTo(Wanted));
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted }));
            Assert.That(stack.Commands().Single(c => c.Arguments[0] == SandboxGuests.DeployScript).Arguments,
                Is.EqualTo(new[] { SandboxGuests.DeployScript, "ghcr.io/zentoriaai/zentoria-ai-orchestrator", Wanted }));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(again.ActionsTaken, Is.Zero, "a converged service is not deployed again");
            Assert.That(stack.Audit(Orchestrator).Single().GetProperty("action").GetString(), Is.EqualTo(RollingDeploy.DeployAction));
            Assert.That(stack.Audit(Orchestrator).Single().GetProperty("before").GetString(), Is.EqualTo(Previous));
            Assert.That(Journal(stack).Pending(), Is.Empty, "the finished rollout leaves nothing to resume");
        });
    }

    [Test]
    public async Task With_a_tcp_health_check_the_version_comes_from_the_version_command()
    {
        await using var stack = await StartAsync(edit: op =>
        {
            op.Edit(StackFile, "metadata: { name: ai-orchestrator }\nspec:\n  health: { retries: 1,", "metadata: { name: ai-orchestrator }\nspec:\n  health: { type: tcp, path: null, expectVersion: null, retries: 1,");
            OverlayOrchestrator(op, "  deploy: { versionCommand: [\"cat\", \"/opt/zentoria/{service}/VERSION\"] }");
        });

        await stack.PassAsync();

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted }), "v1.4.1 was read from the VERSION file");
            Assert.That(stack.Commands().Select(c => c.ShellLine), Has.Some.EqualTo("'cat' '/opt/zentoria/ai-orchestrator/VERSION'"));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
        });
    }

    [Test]
    public async Task A_release_that_fails_its_health_check_is_rolled_back_and_the_service_ends_Degraded_with_the_reason()
    {
        await using var stack = await StartAsync(prepare: guests => guests.Service(Orchestrator)!.MarkBroken(Wanted));

        await stack.PassAsync();

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(stack.Orchestrated.Version, Is.EqualTo(Previous));
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted, Previous }));
            Assert.That((unit.Sync, unit.Health, unit.Phase), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Degraded, ServiceUnitReconciler.RolledBackPhase)));
            Assert.That(unit.Message, Does.Contain("v1.4.2 was installed but failed its health check").And.Contain("HTTP 500").And.Contain("v1.4.1 was redeployed and is healthy"));
            Assert.That(unit.Conditions.Single(c => c.Type == ConditionType.Stalled).Status, Is.EqualTo(ConditionStatus.True));
            Assert.That(stack.Failures.All.Single(), Is.EqualTo(stack.Failures.Find(Orchestrator, Wanted, stack.Operator.Desired.Revision)));
            Assert.That(stack.Audit(Orchestrator).Select(a => (a.GetProperty("action").GetString(), a.GetProperty("result").GetString())),
                Is.EqualTo(new[] { (RollingDeploy.DeployAction, "Failed"), (RollingDeploy.RedeployAction, "Succeeded") }));
        });
    }

    [Test]
    public async Task When_the_previous_version_fails_too_the_container_is_rolled_back_to_the_snapshot_taken_before_the_deploy()
    {
        await using var stack = await StartAsync(
            edit: op => OverlayOrchestrator(op, "  deploy: { snapshot: true }"),
            prepare: guests =>
            {
                guests.Service(Orchestrator)!.MarkBroken(Wanted);
                guests.Service(Orchestrator)!.MarkBroken(Previous);
            });

        await stack.PassAsync();

        using var client = stack.Operator.Client();
        var snapshots = await client.Snapshots.ListAsync(new("pve"), new(444), CancellationToken.None);
        var taken = snapshots.Single(s => s.Name.StartsWith("zentoria-v1-4-1-", StringComparison.Ordinal));
        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(snapshots.Single(s => s.IsCurrent).Parent, Is.EqualTo(taken.Name), "the container runs from the snapshot");
            Assert.That(stack.Operator.Live(444).Running, Is.True, "the rollback starts the container again");
            Assert.That(stack.Audit(Orchestrator).Select(a => a.GetProperty("action").GetString()),
                Is.EqualTo(new[] { ContainerSnapshots.TakeAction, RollingDeploy.DeployAction, RollingDeploy.RedeployAction, ContainerSnapshots.RollbackAction }));
            Assert.That((unit.Health, unit.Phase), Is.EqualTo((HealthStatus.Degraded, ServiceUnitReconciler.DeployFailedPhase)));
            Assert.That(unit.Message, Does.Contain("Redeploying v1.4.1 failed too").And.Contain($"rolled back to snapshot {taken.Name}"));
        });
    }

    [Test]
    public async Task A_deploy_that_neither_its_version_nor_the_previous_one_survives_sends_one_rollout_failed_notification_per_revision()
    {
        await using var stack = await StartAsync(
            prepare: guests =>
            {
                guests.Service(Orchestrator)!.MarkBroken(Wanted);
                guests.Service(Orchestrator)!.MarkBroken(Previous);
            },
            options: o => o.Notifications.Webhooks.Add(new NotificationTarget { Url = "http://127.0.0.1:9/hook" }));

        await stack.PassAsync();
        await stack.PassAsync();

        var ledger = stack.Operator.Host.Services.GetRequiredService<NotificationLedger>();
        var failed = ledger.Entries.Where(e => e.Event.Kind == NotificationKind.RolloutFailed).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stack.Operator.Service(Orchestrator).Phase, Is.EqualTo(ServiceUnitReconciler.DeployFailedPhase));
            Assert.That(failed, Has.Count.EqualTo(1));
            Assert.That(failed[0].Event.Subject, Is.EqualTo($"Service/{Orchestrator}"));
            Assert.That(failed[0].Event.Message, Does.Contain("needs a person").And.Contain("Redeploying v1.4.1 failed too"));
        });
    }

    [Test]
    public async Task A_failed_version_is_not_deployed_again_by_later_passes_nor_after_a_restart()
    {
        await using var stack = await StartAsync(prepare: guests => guests.Service(Orchestrator)!.MarkBroken(Wanted));
        await stack.PassAsync();
        stack.Guests.Service(Orchestrator)!.MarkFixed(Wanted);

        await stack.PassAsync();
        await stack.Operator.RestartAsync();
        var afterRestart = await stack.PassAsync();

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted, Previous }), "v1.4.2 was tried once");
            Assert.That(afterRestart.ActionsTaken, Is.Zero);
            Assert.That((unit.Health, unit.Phase), Is.EqualTo((HealthStatus.Degraded, ServiceUnitReconciler.RolledBackPhase)));
            Assert.That(unit.Message, Does.Contain("not deployed again until the desired state changes or `zentoria-reconciler retry ai-orchestrator`"));
        });
    }

    [Test]
    public async Task Retry_forgets_the_failed_version_and_deploys_it_again_at_once()
    {
        await using var stack = await StartAsync(prepare: guests => guests.Service(Orchestrator)!.MarkBroken(Wanted));
        await stack.PassAsync();
        stack.Guests.Service(Orchestrator)!.MarkFixed(Wanted);

        var outcome = stack.Retry.Retry(Orchestrator, "test");
        await stack.Operator.Host.Services.GetRequiredService<ReconcilePass>().RunAsync(CancellationToken.None);

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(RetryOutcome.Accepted));
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted, Previous, Wanted }));
            Assert.That(stack.Orchestrated.Version, Is.EqualTo(Wanted));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(stack.Failures.All, Is.Empty);
            Assert.That(stack.Audit(Orchestrator).Select(a => a.GetProperty("action").GetString()), Has.Member(ServiceRetry.ActionName));
        });
    }

    [Test]
    public async Task A_change_anywhere_in_the_desired_state_lets_the_failed_version_be_tried_again()
    {
        await using var stack = await StartAsync(prepare: guests => guests.Service(Orchestrator)!.MarkBroken(Wanted));
        await stack.PassAsync();
        var firstRevision = stack.Operator.Desired.Revision;

        // Another document changes: the revision does, the orchestrator's own spec does not.
        stack.Operator.Overlay("127.0.2.250/8", "  description: redis, edited");
        await stack.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted, Previous, Wanted, Previous }));
            Assert.That(stack.Failures.All.Single().Revision, Is.Not.EqualTo(firstRevision).And.EqualTo(stack.Operator.Desired.Revision));
        });
    }

    [Test]
    public async Task Only_the_newest_three_snapshots_the_operator_made_are_kept_and_others_are_left_alone()
    {
        await using var stack = await StartAsync(edit: op => OverlayOrchestrator(op, "  deploy: { snapshot: true }"));
        using var client = stack.Operator.Client();
        var (node, vmid) = (new NodeName("pve"), new VmId(444));
        foreach (var name in new[] { "manual-before-upgrade", "zentoria-v1-3-0-20260101000001", "zentoria-v1-3-1-20260101000002", "zentoria-v1-3-2-20260101000003", "zentoria-v1-4-0-20260101000004" })
        {
            await client.Tasks.WaitAsync(await client.Snapshots.CreateAsync(node, vmid, name, CancellationToken.None), CancellationToken.None);
        }

        await stack.PassAsync();

        var names = (await client.Snapshots.ListAsync(node, vmid, CancellationToken.None)).Where(s => !s.IsCurrent).Select(s => s.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Member("manual-before-upgrade"));
            Assert.That(names.Where(SnapshotNames.IsOperatorMade).Order(StringComparer.Ordinal), Is.EqualTo(new[]
            {
                "zentoria-v1-3-2-20260101000003", "zentoria-v1-4-0-20260101000004", names.Single(n => n.StartsWith("zentoria-v1-4-1-", StringComparison.Ordinal)),
            }));
            Assert.That(stack.Orchestrated.Version, Is.EqualTo(Wanted));
        });
    }

    [Test]
    public async Task A_deploy_waits_while_a_service_it_depends_on_is_not_healthy()
    {
        await using var stack = await StartAsync(prepare: guests => guests.Service("mcp-gateway")!.MarkBroken(Wanted));

        await stack.PassAsync();

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(stack.DeployedVersions(), Is.Empty);
            Assert.That((unit.Health, unit.Phase), Is.EqualTo((HealthStatus.Progressing, "Waiting")));
            Assert.That(unit.Message, Does.Contain("Service/mcp-gateway"));
            Assert.That(stack.Operator.Service("mcp-gateway").Health, Is.EqualTo(HealthStatus.Degraded));
        });
    }

    [Test]
    public async Task A_rollout_cut_short_while_rolling_back_resumes_from_the_journal_without_trying_the_failed_version_again()
    {
        using var kill = new CancellationTokenSource();
        await using var stack = await StartAsync(prepare: guests =>
        {
            guests.Service(Orchestrator)!.MarkBroken(Wanted);
            var service = guests.Service(Orchestrator)!;
            var deploys = 0;
            guests.Shell(OrchestratorContainer).Handle(SandboxGuests.DeployScript, arguments =>
            {
                // The second deploy is the rollback: the operator dies right after starting it.
                if (Interlocked.Increment(ref deploys) == 2)
                {
                    kill.Cancel();
                }

                service.Version = arguments[^1];
                return new GuestCommandResult(0, "", "", false, false);
            });
        });

        Assert.That(async () => await stack.Operator.Host.Services.GetRequiredService<ReconcilePass>().RunAsync(kill.Token), Throws.InstanceOf<OperationCanceledException>());
        var cutShort = Journal(stack).Find(new UnitKey(UnitKind.Service, Orchestrator), Rollout.Step);
        await stack.Operator.RestartAsync();
        await stack.PassAsync();

        var unit = stack.Operator.Service(Orchestrator);
        Assert.Multiple(() =>
        {
            Assert.That(cutShort?.Facts["phase"], Is.EqualTo(nameof(RolloutPhase.RollingBack)));
            Assert.That(cutShort?.Facts["previous"], Is.EqualTo(Previous));
            Assert.That(stack.DeployedVersions(), Is.EqualTo(new[] { Wanted, Previous, Previous }), "resumed at the rollback");
            Assert.That(stack.Orchestrated.Version, Is.EqualTo(Previous));
            Assert.That((unit.Health, unit.Phase), Is.EqualTo((HealthStatus.Degraded, ServiceUnitReconciler.RolledBackPhase)));
            Assert.That(stack.Failures.Find(Orchestrator, Wanted, stack.Operator.Desired.Revision), Is.Not.Null);
            Assert.That(Journal(stack).Pending(), Is.Empty);
        });
    }

    [Test]
    public async Task A_Canary_service_whose_clone_answers_where_the_original_does_is_deployed_in_place_and_the_log_says_why()
    {
        await using var stack = await StartAsync(behind: "frontend");

        await stack.PassAsync();

        var unit = stack.Operator.Service("frontend");
        Assert.Multiple(() =>
        {
            Assert.That(stack.Guests.Service("frontend")!.Version, Is.EqualTo(Wanted));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
            Assert.That(stack.Operator.Logs.GetSnapshot().Select(l => l.Message), Has.Some.Contains("strategy Canary cannot run here"));
        });
    }

    [Test]
    public async Task A_service_with_migrations_snapshots_its_database_migrates_and_then_deploys()
    {
        await using var stack = await StartAsync(behind: "mcp-gateway");

        await stack.PassAsync();

        using var client = stack.Operator.Client();
        var snapshots = await client.Snapshots.ListAsync(new("pve"), new(404), CancellationToken.None);
        var unit = stack.Operator.Service("mcp-gateway");
        Assert.Multiple(() =>
        {
            Assert.That(snapshots.Select(s => s.Name), Has.One.StartsWith("zentoria-premigrate-v1"));
            Assert.That(stack.Commands("backend").Select(c => c.ToString()), Has.Some.Contains("prisma"));
            Assert.That(stack.DeployedVersions("backend"), Is.EqualTo(new[] { Wanted }));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), unit.Message);
        });
    }

    [Test]
    public async Task A_failed_migration_is_rolled_back_to_the_snapshot_and_the_version_is_not_deployed_or_retried()
    {
        await using var stack = await StartAsync(behind: "mcp-gateway",
            prepare: guests => guests.Shell("backend").Handle("npx", _ => new GuestCommandResult(1, "", "P3009: migrate found failed migrations", TimedOut: false, Truncated: false)));

        await stack.PassAsync();
        await stack.PassAsync();

        using var client = stack.Operator.Client();
        var snapshots = await client.Snapshots.ListAsync(new("pve"), new(404), CancellationToken.None);
        var unit = stack.Operator.Service("mcp-gateway");
        Assert.Multiple(() =>
        {
            Assert.That(stack.DeployedVersions("backend"), Is.Empty);
            Assert.That(stack.Commands("backend").Count(c => c.ToString().Contains("prisma", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(snapshots.Select(s => s.Name), Has.One.StartsWith("zentoria-premigrate-v1"));
            Assert.That(unit.Health, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(unit.Message, Does.Contain("migration for v1.4.2 failed and the backup was restored").And.Contain("P3009"));
            Assert.That(stack.Failures.Find("mcp-gateway", Wanted, unit.Revision!), Is.Not.Null);
        });
    }

    private static Journal Journal(ServiceStack stack) => stack.Operator.Host.Services.GetRequiredService<Journal>();
}
