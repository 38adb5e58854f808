namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>An API token the simulator accepts. Without an ACL it behaves like a root token with privsep=0.</summary>
internal sealed class SimulatedToken
{
    public SimulatedToken(ApiTokenCredential credential, AccessControlList? acl = null, DateTimeOffset? expires = null)
    {
        Credential = credential;
        Acl = acl;
        Expires = expires;
    }

    public ApiTokenCredential Credential { get; }

    public AccessControlList? Acl { get; }

    public DateTimeOffset? Expires { get; set; }
}
