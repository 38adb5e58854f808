namespace Zentoria.Reconciler.Guests.Ssh;

internal enum KnownHostsVerdict
{
    /// <summary>No entry names the host.</summary>
    Unknown,

    /// <summary>An entry names the host with this key.</summary>
    Trusted,

    /// <summary>Entries name the host, but with other keys: the key changed, or someone is in the middle.</summary>
    Mismatch,

    /// <summary>A <c>@revoked</c> entry lists this key.</summary>
    Revoked,
}
