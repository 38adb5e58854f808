using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>The size of a container's root disk from its <c>rootfs</c> value, such as <c>local-lvm:vm-441-disk-0,size=16G</c>.</summary>
internal static class RootFs
{
    public const long GiB = 1L << 30;

    public static long? SizeBytes(string? rootfs) => string.IsNullOrEmpty(rootfs) ? null : ContainerVolume.Parse(rootfs).SizeBytes;

    /// <summary>Whole GiB, rounded down: a disk a fraction short of the desired size still counts as short and grows.</summary>
    public static int WholeGiB(string? rootfs) => SizeBytes(rootfs) is { } bytes ? (int)(bytes / GiB) : 0;
}
