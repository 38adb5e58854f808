namespace Zentoria.Reconciler.DesiredState;

/// <param name="Cores">CPU cores, 1 to 8192.</param>
/// <param name="MemoryMiB">Memory in MiB, at least 16.</param>
/// <param name="SwapMiB">Swap in MiB, 0 or more.</param>
/// <param name="DiskGiB">Size of the root disk in GiB; it can only grow.</param>
internal sealed record ContainerResources(int Cores, int MemoryMiB, int SwapMiB, int DiskGiB);
