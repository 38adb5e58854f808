using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class ConfigTests
{
    private const string Config = "nodes/pve/lxc/101/config";
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed
        {
            VmId = 101,
            Hostname = "web01",
            Cores = 2,
            MemoryMiB = 2048,
            Net0 = "name=eth0,bridge=vmbr0,hwaddr=bc:24:11:2e:c5:7e,ip=dhcp",
            Description = "web frontend",
            Tags = ["prod", "web"],
        });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task Config_values_carry_their_wire_types_and_a_forty_character_digest()
    {
        var config = (await _sim.GetDataAsync(Config))!;

        Assert.Multiple(() =>
        {
            Assert.That(config["cores"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
            Assert.That(config["unprivileged"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(config["description"]!.GetValue<string>(), Is.EqualTo("web frontend\n"));
            Assert.That(config["tags"]!.GetValue<string>(), Is.EqualTo("prod;web"));
            Assert.That(config["net0"]!.GetValue<string>(), Is.EqualTo("name=eth0,bridge=vmbr0,hwaddr=BC:24:11:2E:C5:7E,ip=dhcp,type=veth"));
            Assert.That(config["rootfs"]!.GetValue<string>(), Is.EqualTo("local-lvm:vm-101-disk-0,size=4G"));
            Assert.That(config["digest"]!.GetValue<string>(), Does.Match("^[0-9a-f]{40}$"));
        });
    }

    [Test]
    public async Task A_config_write_answers_null_and_changes_the_digest()
    {
        var before = (await _sim.GetDataAsync(Config))!["digest"]!.GetValue<string>();
        using var response = await _sim.PutAsync(Config, ("cpulimit", "1.5"), ("digest", before));
        var body = await SimulatorHarness.BodyAsync(response);
        var after = (await _sim.GetDataAsync(Config))!;

        Assert.Multiple(() =>
        {
            Assert.That(body.ContainsKey("data") && body["data"] is null, Is.True);
            Assert.That(after["digest"]!.GetValue<string>(), Is.Not.EqualTo(before));
            Assert.That(after["cpulimit"]!.GetValue<string>(), Is.EqualTo("1.5"));
        });
    }

    [Test]
    public async Task A_stale_digest_is_refused()
    {
        var stale = (await _sim.GetDataAsync(Config))!["digest"]!.GetValue<string>();
        using (await _sim.PutAsync(Config, ("cores", "4")))
        {
        }

        using var response = await _sim.PutAsync(Config, ("cores", "3"), ("digest", stale));

        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(response.ReasonPhrase, Is.EqualTo("detected modified configuration - file changed by other user? Try again."));
    }

    [Test]
    public async Task On_a_running_container_a_restart_key_stays_pending_and_a_hotplug_key_applies_at_once()
    {
        _sim.Simulator.Cluster.SetRunning(101, true);

        using (await _sim.PutAsync(Config, ("memory", "4096"), ("nameserver", "9.9.9.9")))
        {
        }

        var merged = (await _sim.GetDataAsync(Config))!;
        var current = (await _sim.GetDataAsync(Config + "?current=1"))!;
        var pending = (await _sim.GetDataAsync("nodes/pve/lxc/101/pending"))!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(merged["nameserver"]!.GetValue<string>(), Is.EqualTo("9.9.9.9"));
            Assert.That(current.AsObject().ContainsKey("nameserver"), Is.False);
            Assert.That(current["memory"]!.GetValue<int>(), Is.EqualTo(4096));
            Assert.That(pending.Single(p => p!["key"]!.GetValue<string>() == "nameserver")!["pending"]!.GetValue<string>(), Is.EqualTo("9.9.9.9"));
            Assert.That(pending.Single(p => p!["key"]!.GetValue<string>() == "memory")!.AsObject().ContainsKey("pending"), Is.False);
        });
    }

    [Test]
    public async Task A_reboot_applies_pending_changes()
    {
        _sim.Simulator.Cluster.SetRunning(101, true);
        using (await _sim.PutAsync(Config, ("nameserver", "9.9.9.9")))
        {
        }

        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/101/status/reboot");
        await _sim.FinishTaskAsync(upid);

        Assert.That((await _sim.GetDataAsync(Config + "?current=1"))!["nameserver"]!.GetValue<string>(), Is.EqualTo("9.9.9.9"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Pending, Is.Empty);
    }

    [Test]
    public async Task Revert_drops_a_pending_change_and_delete_of_a_restart_key_waits_for_the_restart()
    {
        _sim.Simulator.Cluster.SetRunning(101, true);
        using (await _sim.PutAsync(Config, ("nameserver", "9.9.9.9"), ("searchdomain", "lan")))
        {
        }

        using (await _sim.PutAsync(Config, ("revert", "nameserver")))
        {
        }

        _sim.Simulator.Cluster.SetRunning(101, false);
        _sim.Simulator.Cluster.SetRunning(101, true);
        using (await _sim.PutAsync(Config, ("delete", "searchdomain")))
        {
        }

        var pending = (await _sim.GetDataAsync("nodes/pve/lxc/101/pending"))!.AsArray();

        Assert.That(pending.Any(p => p!["key"]!.GetValue<string>() == "nameserver"), Is.False);
        Assert.That(pending.Single(p => p!["key"]!.GetValue<string>() == "searchdomain")!["delete"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Tags_are_normalised_on_write()
    {
        using (await _sim.PutAsync(Config, ("tags", "Web prod,web;Zentoria")))
        {
        }

        Assert.That((await _sim.GetDataAsync(Config))!["tags"]!.GetValue<string>(), Is.EqualTo("prod;web;zentoria"));
    }

    [Test]
    public async Task Changing_net0_without_hwaddr_gives_a_new_mac()
    {
        using (await _sim.PutAsync(Config, ("net0", "name=eth0,bridge=vmbr1,ip=dhcp")))
        {
        }

        var net0 = (await _sim.GetDataAsync(Config))!["net0"]!.GetValue<string>();

        Assert.That(net0, Does.Match("^name=eth0,bridge=vmbr1,hwaddr=BC:24:11:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2},ip=dhcp,type=veth$"));
        Assert.That(net0, Does.Not.Contain("2E:C5:7E"));
    }

    [TestCase(new[] { "cores", "true" }, "cores", "type check ('integer') failed - got 'true'")]
    [TestCase(new[] { "onboot", "true" }, "onboot", "type check ('boolean') failed - got 'true'")]
    [TestCase(new[] { "memory", "8" }, "memory", "value must have a minimum value of 16")]
    [TestCase(new[] { "cores", "9000" }, "cores", "value must have a maximum value of 8192")]
    [TestCase(new[] { "colour", "red" }, "colour", "property is not defined in schema and the schema does not allow additional properties")]
    [TestCase(new[] { "delete", "foo" }, "delete", "unknown option 'foo'")]
    public async Task Bad_values_are_400_with_the_schema_text(string[] pair, string key, string text)
    {
        using var response = await _sim.PutAsync(Config, (pair[0], pair[1]));
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(body["errors"]![key]!.GetValue<string>(), Is.EqualTo(text));
    }

    [TestCase("delete", "memory", "unable to delete required option 'memory'")]
    [TestCase("unprivileged", "0", "unable to modify read-only option: 'unprivileged'")]
    public async Task Forbidden_changes_are_500_with_the_handler_text(string key, string value, string text)
    {
        using var response = await _sim.PutAsync(Config, (key, value));

        Assert.That(response.ReasonPhrase, Is.EqualTo(text));
    }

    [Test]
    public async Task A_write_without_options_is_refused()
    {
        using var response = await _sim.PutAsync(Config);

        Assert.That(response.ReasonPhrase, Is.EqualTo("no options specified"));
    }

    [Test]
    public async Task A_json_body_accepts_json_booleans()
    {
        using var content = new StringContent(new JsonObject { ["onboot"] = true, ["cores"] = 3 }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await _sim.Http.PutAsync(Config, content);
        await SimulatorHarness.DataAsync(response);

        var config = (await _sim.GetDataAsync(Config))!;
        Assert.That(config["onboot"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(config["cores"]!.GetValue<int>(), Is.EqualTo(3));
    }
}
