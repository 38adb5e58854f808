namespace Zentoria.Reconciler.Simulator.State;

/// <summary>A storage of a node. <paramref name="Type"/> is the PVE storage plugin type (<c>dir</c>, <c>lvmthin</c>, <c>zfspool</c>).</summary>
internal sealed record SimulatedStorage(string Name, string Type)
{
    /// <summary>Only these types can snapshot a container volume (reference 7.2).</summary>
    public bool SupportsSnapshots => Type is "lvmthin" or "zfspool" or "rbd" or "btrfs";

    /// <summary>The volume name a new container disk gets on this storage.</summary>
    public string NewVolumeName(int vmid, int index) => Type switch
    {
        "dir" => $"{Name}:{vmid}/vm-{vmid}-disk-{index}.raw",
        "zfspool" or "btrfs" => $"{Name}:subvol-{vmid}-disk-{index}",
        _ => $"{Name}:vm-{vmid}-disk-{index}",
    };
}
