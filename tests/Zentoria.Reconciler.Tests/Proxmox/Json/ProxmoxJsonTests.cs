using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Json;

internal sealed class ProxmoxJsonTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ProxmoxJson.Options)!;

    [Test]
    public void A_PVE_6_status_with_numbers_as_strings_and_empty_lock_reads_as_numbers_and_no_lock()
    {
        var status = Read<ContainerStatus>("""
            {"pid":"114348","disk":"2843205632","vmid":"506","lock":"","template":"","status":"running","cpus":"1.5","mem":"257888256"}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(status.VmId, Is.EqualTo(new VmId(506)));
            Assert.That(status.Pid, Is.EqualTo(114348));
            Assert.That(status.DiskBytes, Is.EqualTo(2843205632));
            Assert.That(status.MemoryBytes, Is.EqualTo(257888256));
            Assert.That(status.Cpus, Is.EqualTo(1.5));
            Assert.That(status.Lock, Is.Null);
            Assert.That(status.Template, Is.False);
            Assert.That(status.Status, Is.EqualTo(GuestPowerState.Running));
        });
    }

    [Test]
    public void A_PVE_9_status_reads_tags_ha_and_pressure_strings_without_failing()
    {
        var status = Read<ContainerStatus>("""
            {"vmid":101,"type":"lxc","status":"running","name":"web01","cpus":2,"cpu":0.0048,"mem":257888256,
             "maxmem":2147483648,"swap":28311552,"maxswap":536870912,"disk":2843205632,"maxdisk":8388009984,
             "uptime":2152,"pid":114348,"tags":"prod;web","ha":{"managed":1,"state":"started"},
             "pressurecpusome":"0.00","lock":"backup","template":1}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(status.Tags, Is.EqualTo(new[] { "prod", "web" }));
            Assert.That(status.Ha, Is.EqualTo(new HaState { Managed = true, State = "started" }));
            Assert.That(status.Lock, Is.EqualTo("backup"));
            Assert.That(status.Template, Is.True);
            Assert.That(status.MaxMemoryBytes, Is.EqualTo(2147483648));
        });
    }

    [Test]
    public void Missing_fields_read_as_absent_rather_than_failing()
    {
        var status = Read<ContainerStatus>("""{"vmid":102,"status":"stopped"}""");

        Assert.Multiple(() =>
        {
            Assert.That(status.Pid, Is.Null);
            Assert.That(status.Lock, Is.Null);
            Assert.That(status.Tags, Is.Empty);
            Assert.That(status.Ha, Is.Null);
            Assert.That(status.Template, Is.False);
        });
    }

    [Test]
    public void An_unknown_enum_value_reads_as_unknown()
    {
        var status = Read<ContainerStatus>("""{"vmid":102,"status":"hibernating"}""");
        var node = Read<NodeSummary>("""{"node":"pve","status":"fenced"}""");

        Assert.That((status.Status, node.Status), Is.EqualTo((GuestPowerState.Unknown, NodeStatus.Unknown)));
    }

    [Test]
    public void Nextid_sent_as_a_string_reads_as_a_vmid()
    {
        var envelope = Read<DataEnvelope<VmId>>("""{"data":"105"}""");

        Assert.That(envelope.Data, Is.EqualTo(new VmId(105)));
    }

    [Test]
    public void A_config_keeps_every_key_as_text_and_exposes_typed_views()
    {
        var config = Read<ContainerConfig>("""
            {"arch":"amd64","cores":2,"cpulimit":"1.5","digest":"3f1c2e9a0b6d4c8e7f5a1b2c3d4e5f6a7b8c9d0e",
             "description":"web frontend\n","features":"nesting=1","hostname":"web01","memory":2048,
             "net0":"name=eth0,bridge=vmbr0,firewall=1,hwaddr=BC:24:11:2E:C5:7E,ip=dhcp,type=veth",
             "onboot":1,"ostype":"debian","rootfs":"local-lvm:vm-101-disk-0,size=8G","swap":512,
             "tags":"prod;web","unprivileged":1,"parent":"before-upgrade","mp1":"local-lvm:vm-101-disk-1,mp=/data",
             "lxc":[["lxc.apparmor.profile","unconfined"]]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(config.Cores, Is.EqualTo(2));
            Assert.That(config.MemoryMiB, Is.EqualTo(2048));
            Assert.That(config.CpuLimit, Is.EqualTo(1.5));
            Assert.That(config.Description, Is.EqualTo("web frontend\n"));
            Assert.That(config.OnBoot, Is.True);
            Assert.That(config.Unprivileged, Is.True);
            Assert.That(config.Digest, Has.Length.EqualTo(40));
            Assert.That(config.Parent, Is.EqualTo("before-upgrade"));
            Assert.That(config.Tags, Is.EqualTo(new[] { "prod", "web" }));
            Assert.That(config.Networks[0], Does.StartWith("name=eth0,"));
            Assert.That(config.MountPoints.Keys, Is.EqualTo(new[] { 1 }));
            Assert.That(config.Values["memory"], Is.EqualTo("2048"));
            Assert.That(config.RawLxc, Is.EqualTo(new[] { new KeyValuePair<string, string>("lxc.apparmor.profile", "unconfined") }));
            Assert.That(config.Lock, Is.Null);
        });
    }

    [Test]
    public void A_pending_list_reads_values_of_every_wire_type_pending_changes_deletes_and_missing_fields()
    {
        var list = Read<DataEnvelope<List<PendingConfigValue>>>("""
            {"data":[{"key":"cores","value":2,"pending":"4"},{"value":"web01","key":"hostname"},
             {"key":"onboot","value":true,"delete":"1"},{"key":"swap","value":512,"delete":2},
             {"key":"features","value":{"nesting":1},"extra":[1,{"a":2}]},{"key":"description","value":null},
             {"key":"tags","value":"prod;web","delete":""},{}],"total":8}
            """).Data!;

        Assert.That(list, Is.EqualTo(new[]
        {
            new PendingConfigValue { Key = "cores", Value = "2", Pending = "4" },
            new PendingConfigValue { Key = "hostname", Value = "web01" },
            new PendingConfigValue { Key = "onboot", Value = "1", Delete = 1 },
            new PendingConfigValue { Key = "swap", Value = "512", Delete = 2 },
            new PendingConfigValue { Key = "features", Value = """{"nesting":1}""" },
            new PendingConfigValue { Key = "description" },
            new PendingConfigValue { Key = "tags", Value = "prod;web" },
            new PendingConfigValue { Key = "" },
        }));
    }

    [Test]
    public void A_pending_item_that_is_not_an_object_is_refused()
    {
        Assert.That(() => Read<List<PendingConfigValue>>("""["cores"]"""), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void A_node_list_vmid_sent_as_a_string_before_PVE_8_2_reads_as_a_vmid()
    {
        var list = Read<List<ContainerStatus>>("""[{"vmid":"101","status":"running"},{"vmid":100,"status":"stopped"}]""");

        Assert.That(list.Select(c => c.VmId.Value), Is.EqualTo(new[] { 101, 100 }));
    }

    [TestCase("\"\"", false)]
    [TestCase("0", false)]
    [TestCase("1", true)]
    [TestCase("\"1\"", true)]
    [TestCase("true", true)]
    public void Booleans_read_from_every_form_Proxmox_has_used(string json, bool expected)
    {
        Assert.That(Read<ClusterResource>($$"""{"id":"lxc/1","template":{{json}}}""").Template, Is.EqualTo(expected));
    }

    [Test]
    public void Hand_edited_tags_split_on_any_separator()
    {
        Assert.That(ProxmoxTags.Parse("prod, web db;;x"), Is.EqualTo(new[] { "prod", "web", "db", "x" }));
    }
}
