using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class ContainerPlanningTests
{
    private static readonly ContainerSpec Backend = Specs.Container("backend", 441);

    private static Plan PlanFor(ContainerSpec spec, LiveContainer? live) =>
        Planner.Plan(Specs.Desired([spec]), live is null ? LiveState.Empty : Lives.Of(live));

    private static string[] Actions(Plan plan) => [.. plan.Steps.Select(s => s.Action.ToString())];

    [Test]
    public void A_container_that_matches_its_spec_needs_no_step()
    {
        Assert.That(PlanFor(Backend, Lives.Container(Backend)).Steps, Is.Empty);
    }

    [Test]
    public void A_missing_container_is_created_with_every_field_then_started()
    {
        var plan = PlanFor(Backend, null);

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Create", "Start" }));
        var create = plan.Steps[0];
        Assert.That(create.Changes.Select(c => c.Field), Is.EquivalentTo(new[]
        {
            "node", "hostname", "onBoot", "resources.cores", "resources.memoryMiB", "resources.swapMiB", "resources.diskGiB",
            "network.ip", "network.bridge", "tags", "description",
        }));
        Assert.That(create.Changes.Single(c => c.Field == "tags").To, Is.EqualTo("backend;zentoria;zentoria-managed"));
        Assert.That(create.Changes.All(c => c.From is null), Is.True);
    }

    [Test]
    public void A_missing_container_desired_stopped_is_created_and_left_stopped()
    {
        Assert.That(Actions(PlanFor(Backend with { State = PowerState.Stopped }, null)), Is.EqualTo(new[] { "Create" }));
    }

    [Test]
    public void A_missing_container_without_a_create_section_is_refused()
    {
        var plan = PlanFor(Backend with { Create = null }, null);

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Refused" }));
        Assert.That(plan.Steps[0].Reason, Does.Contain("no 'create'"));
    }

    [Test]
    public void Config_drift_is_one_update_step_listing_every_changed_field()
    {
        var live = Lives.Container(Backend) with
        {
            MemoryMiB = 1024,
            Cores = 1,
            Hostname = "renamed",
            Tags = ["backend"],
            Network = new LiveNetwork("127.0.2.99/8", "127.0.0.1", "vmbr1", "BC:24:11:00:00:01"),
        };

        var plan = PlanFor(Backend, live);

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Update" }));
        Assert.That(plan.Steps[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("hostname", "renamed", "zentoria-backend"),
            new FieldChange("resources.cores", "1", "2"),
            new FieldChange("resources.memoryMiB", "1024", "2048"),
            new FieldChange("network.ip", "127.0.2.99/8", "127.0.2.185/8"),
            new FieldChange("network.gateway", "127.0.0.1", null),
            new FieldChange("network.bridge", "vmbr1", "vmbr0"),
            new FieldChange("tags", "backend", "backend;zentoria;zentoria-managed"),
        }));
        Assert.That(plan.Steps[0].Disruption, Is.EqualTo(Disruption.None));
        Assert.That(plan.Steps[0].Reason, Does.Contain("keeps its MAC address BC:24:11:00:00:01"));
    }

    [Test]
    public void Tags_compare_as_Proxmox_stores_them_lower_case_and_sorted()
    {
        var live = Lives.Container(Backend) with { Tags = ["ZENTORIA-MANAGED", "zentoria", "Backend", "zentoria"] };

        Assert.That(PlanFor(Backend, live).Steps, Is.Empty);
    }

    [Test]
    public void An_empty_description_and_no_description_are_the_same()
    {
        var spec = Backend with { Description = null };

        Assert.That(PlanFor(spec, Lives.Container(spec) with { Description = "" }).Steps, Is.Empty);
    }

    [Test]
    public void A_final_newline_in_the_desired_description_is_not_drift()
    {
        var spec = Backend with { Description = "line one\nline two\n" };

        Assert.That(PlanFor(spec, Lives.Container(spec) with { Description = "line one\nline two" }).Steps, Is.Empty);
    }

    [Test]
    public void A_smaller_disk_is_grown()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { DiskGiB = 8 });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Resize" }));
        Assert.That(plan.Steps[0].Changes, Is.EqualTo(new[] { new FieldChange("resources.diskGiB", "8", "16") }));
    }

    [Test]
    public void A_larger_disk_is_refused_and_never_shrunk()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { DiskGiB = 32 });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Refused" }));
        Assert.That(plan.Steps[0].Reason, Does.Contain("never shrinks"));
        Assert.That(plan.Steps[0].IsActionable, Is.False);
    }

    [Test]
    public void A_container_on_another_node_is_refused_and_nothing_else_is_planned_for_it()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { Node = new NodeName("pve2"), MemoryMiB = 1 });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Refused" }));
        Assert.That(plan.Steps[0].Changes, Is.EqualTo(new[] { new FieldChange("node", "pve2", "pve") }));
    }

    [Test]
    public void A_stopped_container_desired_running_is_started()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { Status = PowerState.Stopped });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Start" }));
        Assert.That(plan.Steps[0].Disruption, Is.EqualTo(Disruption.None));
    }

    [Test]
    public void A_running_container_desired_stopped_is_stopped_with_downtime()
    {
        var spec = Backend with { State = PowerState.Stopped };
        var plan = PlanFor(spec, Lives.Container(spec) with { Status = PowerState.Running });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Stop" }));
        Assert.That(plan.Steps[0].Disruption, Is.EqualTo(Disruption.Downtime));
    }

    [Test]
    public void Pending_changes_on_a_running_container_restart_it_when_the_policy_allows()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { PendingKeys = ["nameserver"] });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Restart" }));
        Assert.That(plan.Steps[0].Disruption, Is.EqualTo(Disruption.Restart));
        Assert.That(plan.Steps[0].ReportOnly, Is.False);
        Assert.That(plan.Steps[0].Reason, Does.Contain("nameserver"));
    }

    [Test]
    public void Pending_changes_under_restart_policy_never_are_only_reported()
    {
        var spec = Backend with { Restart = RestartPolicy.Never };
        var plan = PlanFor(spec, Lives.Container(spec) with { PendingKeys = ["nameserver"] });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Restart" }));
        Assert.That(plan.Steps[0].ReportOnly, Is.True);
        Assert.That(plan.Steps[0].Reason, Does.Contain("pending restart"));
    }

    [Test]
    public void Pending_changes_on_a_stopped_container_are_applied_by_the_start()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { Status = PowerState.Stopped, PendingKeys = ["nameserver"] });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Start" }));
        Assert.That(plan.Steps[0].Reason, Does.Contain("applies the pending changes to nameserver"));
    }

    [Test]
    public void A_locked_container_keeps_its_steps_and_names_the_lock()
    {
        var plan = PlanFor(Backend, Lives.Container(Backend) with { Lock = "backup", MemoryMiB = 1024 });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Update" }));
        Assert.That(plan.Steps[0].Reason, Does.Contain("locked (backup)"));
    }

    [Test]
    public void Drift_mode_warn_plans_the_same_steps_as_report_only()
    {
        var spec = Backend with { Drift = Specs.Drift(DriftMode.Warn) };
        var plan = PlanFor(spec, Lives.Container(spec) with { MemoryMiB = 1024, Status = PowerState.Stopped });

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Update", "Start" }));
        Assert.That(plan.Steps.All(s => s.ReportOnly), Is.True);
        Assert.That(plan.Steps[0].Reason, Does.Contain("Drift mode is Warn"));
    }

    [Test]
    public void Drift_mode_suspend_plans_nothing_even_for_a_missing_container()
    {
        Assert.That(PlanFor(Backend with { Drift = Specs.Drift(DriftMode.Suspend) }, null).Steps, Is.Empty);
    }

    [Test]
    public void Ignored_fields_never_count_as_drift()
    {
        var spec = Backend with { Drift = Specs.Drift(DriftMode.Correct, "resources.memoryMiB", "state", "resources.diskGiB") };
        var live = Lives.Container(spec) with { MemoryMiB = 1024, Cores = 1, Status = PowerState.Stopped, DiskGiB = 64 };

        var plan = PlanFor(spec, live);

        Assert.That(Actions(plan), Is.EqualTo(new[] { "Update" }));
        Assert.That(plan.Steps[0].Changes.Select(c => c.Field), Is.EqualTo(new[] { "resources.cores" }));
    }

    [Test]
    public void Containers_are_matched_by_vmid_not_by_name_or_hostname()
    {
        var other = Lives.Container(Specs.Container("other", 500)) with { Hostname = "zentoria-backend" };

        Assert.That(Actions(PlanFor(Backend, other)), Is.EqualTo(new[] { "Create", "Start" }));
    }
}
