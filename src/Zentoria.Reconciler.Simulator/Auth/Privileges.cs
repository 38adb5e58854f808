namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>The privilege names the simulated LXC calls check (reference section 2.3).</summary>
internal static class Privileges
{
    public const string VmAudit = "VM.Audit";
    public const string VmPowerMgmt = "VM.PowerMgmt";
    public const string VmAllocate = "VM.Allocate";
    public const string VmClone = "VM.Clone";
    public const string VmSnapshot = "VM.Snapshot";
    public const string VmSnapshotRollback = "VM.Snapshot.Rollback";
    public const string VmConfigDisk = "VM.Config.Disk";
    public const string VmConfigCpu = "VM.Config.CPU";
    public const string VmConfigMemory = "VM.Config.Memory";
    public const string VmConfigNetwork = "VM.Config.Network";
    public const string VmConfigOptions = "VM.Config.Options";
    public const string DatastoreAllocateSpace = "Datastore.AllocateSpace";
    public const string SysAudit = "Sys.Audit";

    public static string VmPath(int vmid) => $"/vms/{vmid}";

    public static string StoragePath(string storage) => $"/storage/{storage}";
}
