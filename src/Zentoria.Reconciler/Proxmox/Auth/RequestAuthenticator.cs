namespace Zentoria.Reconciler.Proxmox;

/// <summary>Puts credentials on a request: an API token (stateless) or a login ticket (renewed before it expires).</summary>
internal abstract class RequestAuthenticator
{
    /// <summary>How to name these credentials in an error line, without the secret: "the API token user@pve!ci".</summary>
    public abstract string Description { get; }

    public abstract ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Forgets cached credentials after a 401; true when a fresh attempt could succeed.</summary>
    public virtual bool Invalidate() => false;
}
