namespace Zentoria.Reconciler.Proxmox;

internal sealed class VersionClient(ProxmoxConnection connection)
{
    /// <summary>GET /version</summary>
    public Task<ProxmoxVersion> GetAsync(CancellationToken cancellationToken) =>
        connection.GetAsync<ProxmoxVersion>(ProxmoxRoutes.Version(), cancellationToken);
}
