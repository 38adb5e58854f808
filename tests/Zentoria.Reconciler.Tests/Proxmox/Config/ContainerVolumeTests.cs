using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Config;

internal sealed class ContainerVolumeTests
{
    [TestCase("local-lvm:vm-101-disk-0,size=8G", "local-lvm", 8L << 30, null)]
    [TestCase("local-zfs:subvol-101-disk-1,mp=/data,size=512M,backup=1", "local-zfs", 512L << 20, "/data")]
    [TestCase("local:101/vm-101-disk-0.raw,size=1.5T", "local", 3L << 39, null)]
    [TestCase("/srv/shared,mp=/shared", null, null, "/shared")]
    public void A_volume_string_reads_its_storage_size_and_mount_path(string text, string? storage, long? size, string? mountPath)
    {
        var volume = ContainerVolume.Parse(text);

        Assert.That((volume.Storage, volume.SizeBytes, volume.MountPath), Is.EqualTo((storage, size, mountPath)));
    }

    [Test]
    public void A_config_exposes_its_root_volume_and_parsed_networks()
    {
        var config = new ContainerConfig(
            new Dictionary<string, string> { ["rootfs"] = "local-lvm:vm-101-disk-0,size=8G", ["net0"] = "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:2E:C5:7E,ip=dhcp,type=veth" },
            []);

        Assert.That((config.RootVolume?.SizeBytes, config.ParsedNetworks[0].HardwareAddress), Is.EqualTo(((long?)(8L << 30), "BC:24:11:2E:C5:7E")));
    }

    [Test]
    public void An_item_without_a_key_after_the_first_is_refused()
    {
        Assert.That(() => ContainerVolume.Parse("local-lvm:vm-101-disk-0,oops"), Throws.TypeOf<FormatException>());
    }
}
