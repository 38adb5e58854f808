using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Planning.Rendering;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class PlanRenderingTests
{
    private static readonly ContainerSpec Db = Specs.Container("db", 404);
    private static readonly ContainerSpec Api = Specs.Container("api", 441);
    private static readonly ContainerSpec Web = Specs.Container("web", 440);

    /// <summary>One step of each kind: create, change, restart and destroy, over two waves.</summary>
    private static Plan MixedPlan()
    {
        var desired = Specs.Desired(
            [Db, Api, Web],
            [Specs.Service("db", "db", null), Specs.Service("api", "api", "v2", StrategyKind.Rolling, "db")],
            environment: Specs.Environment(prune: true));
        var live = new LiveState(
            [
                Lives.Container(Db) with { PendingKeys = ["nameserver"] },
                Lives.Container(Api) with { MemoryMiB = 1024, Description = null },
                Lives.Container(Specs.Container("old", 450)) with { Status = PowerState.Stopped, Hostname = "old" },
            ],
            [Lives.Service(Specs.Service("api", "api"), "v1")],
            []);
        return Planner.Plan(desired, live);
    }

    [Test]
    public void An_empty_plan_says_there_is_nothing_to_change()
    {
        var text = PlanTextRenderer.Render(new Plan("abc", "sandbox", []), colour: false);

        Assert.That(text, Is.EqualTo("No changes. Live state matches the desired state of sandbox at revision abc.\n"));
    }

    [Test]
    public void The_text_lists_each_step_by_wave_with_its_changes_reason_and_a_summary()
    {
        var text = PlanTextRenderer.Render(MixedPlan(), colour: false);

        Assert.That(text, Is.EqualTo("""
            Plan for environment test at revision rev1.
            Steps are marked with these symbols:
              + create
              ~ change in place
              - destroy
              ! restart to apply changes Proxmox holds pending

            Wave 0

              ! Container db (CT 404): restart to apply pending changes [restart]
                  # Proxmox holds changes to nameserver until CT 404 restarts; restartPolicy IfNeeded lets the operator reboot it.

              + Container web (CT 440): create
                  + node = pve
                  + hostname = zentoria-web
                  + onBoot = true
                  + resources.cores = 2
                  + resources.memoryMiB = 2048
                  + resources.swapMiB = 512
                  + resources.diskGiB = 16
                  + network.ip = 127.0.2.184/8
                  + network.bridge = vmbr0
                  + tags = web;zentoria;zentoria-managed
                  + description = "The web container"
                  # CT 440 does not exist; it is created from local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst on local-lvm.

              ~ Container web (CT 440): start
                  ~ state: stopped -> running
                  # The desired state is running.

            Wave 1 (after wave 0)

              ~ Container api (CT 441): update config
                  ~ resources.memoryMiB: 1024 -> 2048
                  + description = "The api container"
                  # The config of CT 441 differs from the desired state; Proxmox applies these changes at once, without a restart.

              - Container old (CT 450): destroy [downtime]
                  # CT 450 carries the managed tag zentoria-managed but is no longer in the desired state, and this environment prunes.

              ~ Service api: deploy version [downtime]
                  ~ version: v1 -> v2
                  # api runs v1; the desired version is v2. Rolling: deployed in place, with a short downtime.

            Plan: 1 to create, 2 to change, 1 to destroy, 1 to restart.

            """.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Test]
    public void A_multi_line_value_prints_on_one_line()
    {
        var spec = Api with { Description = "one\ntwo \"quoted\"" };

        var text = PlanTextRenderer.Render(Planner.Plan(Specs.Desired([spec]), Lives.Of(Lives.Container(Api))), colour: false);

        Assert.That(text, Does.Contain("""~ description: "The api container" -> "one\ntwo \"quoted\"" """.TrimEnd()));
    }

    [Test]
    public void Colour_is_added_only_when_asked_for()
    {
        Assert.That(PlanTextRenderer.Render(MixedPlan(), colour: false), Does.Not.Contain("\u001b["));
        Assert.That(PlanTextRenderer.Render(MixedPlan(), colour: true), Does.Contain("\u001b[32m+\u001b[0m Container web"));
    }

    [Test]
    public void Report_only_and_refused_steps_are_marked_and_counted_apart()
    {
        var warn = Api with { Drift = Specs.Drift(DriftMode.Warn) };
        var plan = Planner.Plan(Specs.Desired([warn, Db]), Lives.Of(Lives.Container(warn) with { Cores = 8 }, Lives.Container(Db) with { DiskGiB = 64 }));

        var text = PlanTextRenderer.Render(plan, colour: false);

        Assert.That(text, Does.Contain("~ Container api (CT 441): update config (report only)"));
        Assert.That(text, Does.Contain("x Container db (CT 404): refused"));
        Assert.That(text, Does.EndWith("Plan: 0 to create, 0 to change, 0 to destroy, 0 to restart. 1 with drift only reported. 1 refused: see the steps marked x.\n"));
    }

    [Test]
    public void The_json_has_the_documented_shape()
    {
        using var json = JsonDocument.Parse(PlanJsonWriter.Write(MixedPlan()));
        var root = json.RootElement;

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "formatVersion", "revision", "environment", "empty", "summary", "steps" }));
        Assert.That(root.GetProperty("formatVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("summary").GetRawText(), Is.EqualTo("""
            {
                "create": 1,
                "change": 2,
                "destroy": 1,
                "restart": 1,
                "reportOnly": 0,
                "refused": 0
              }
            """.Replace("\r\n", "\n", StringComparison.Ordinal)));
        var update = root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("action").GetString() == "update");
        Assert.That(update.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "wave", "unit", "action", "disruption", "reportOnly", "reason", "changes" }));
        Assert.That(update.GetProperty("unit").GetRawText(), Does.Contain("\"kind\": \"Container\"").And.Contain("\"name\": \"api\"").And.Contain("\"vmid\": 441"));
        Assert.That(update.GetProperty("wave").GetInt32(), Is.EqualTo(1));
        Assert.That(update.GetProperty("disruption").GetString(), Is.EqualTo("none"));
        Assert.That(update.GetProperty("reportOnly").GetBoolean(), Is.False);
        var memory = update.GetProperty("changes")[0];
        Assert.That((memory.GetProperty("field").GetString(), memory.GetProperty("from").GetString(), memory.GetProperty("to").GetString()),
            Is.EqualTo(("resources.memoryMiB", "1024", "2048")));
        Assert.That(update.GetProperty("changes")[1].GetProperty("from").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void The_json_names_every_action_in_lower_camel_case()
    {
        Assert.That(Enum.GetValues<StepAction>().Select(StepNames.Json), Is.EqualTo(new[]
        {
            "create", "update", "resize", "start", "restart", "deploy", "writeFlags", "stop", "destroy", "refused",
        }));
    }
}
