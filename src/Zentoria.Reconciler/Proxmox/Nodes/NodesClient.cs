namespace Zentoria.Reconciler.Proxmox;

internal sealed class NodesClient(ProxmoxConnection connection)
{
    /// <summary>GET /nodes, sorted by name.</summary>
    public async Task<IReadOnlyList<NodeSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var nodes = await connection.GetAsync<List<NodeSummary>>(ProxmoxRoutes.Nodes(), cancellationToken);
        return [.. nodes.OrderBy(n => n.Node.Value, StringComparer.Ordinal)];
    }
}
