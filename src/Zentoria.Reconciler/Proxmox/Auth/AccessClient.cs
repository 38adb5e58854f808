namespace Zentoria.Reconciler.Proxmox;

/// <summary><c>/access</c>: login tickets.</summary>
internal sealed class AccessClient(ProxmoxConnection connection)
{
    /// <summary>POST /access/ticket</summary>
    public Task<ProxmoxTicket> CreateTicketAsync(string username, SecretString password, CancellationToken cancellationToken)
    {
        var parameters = new FormParameters().Add("username", username).Add("password", password.Reveal());
        var request = new ApiRequest(HttpMethod.Post, ProxmoxRoutes.AccessTicket(), OperationClass.Write, parameters) { Anonymous = true };
        return connection.SendAsync<ProxmoxTicket>(request, cancellationToken);
    }
}
