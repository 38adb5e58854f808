namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal static class ContractTargets
{
    public const string Simulator91 = "simulator 9.1, HTTPS, pinned";
    public const string Simulator81 = "simulator 8.1, HTTPS, pinned";
    public const string RealProxmox = "real Proxmox from PVE_URL";

    public static IEnumerable<string> All => [Simulator91, Simulator81, RealProxmox];
}
