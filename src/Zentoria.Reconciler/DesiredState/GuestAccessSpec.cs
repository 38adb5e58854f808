namespace Zentoria.Reconciler.DesiredState;

/// <summary>How the operator reaches the services inside the containers.</summary>
/// <param name="KeyFile">The SSH private key file (ed25519 or RSA).</param>
/// <param name="KnownHostsFile">A known_hosts file to check host keys against, or null.</param>
/// <param name="HostKeyFingerprint">A pinned <c>SHA256:...</c> host key fingerprint, or null.</param>
/// <param name="Port">The SSH port of the containers (direct mode) or of the node (pct mode).</param>
/// <param name="TrustOnFirstUse">Record the host key of a host seen for the first time in the state folder instead of refusing it.</param>
internal sealed record GuestAccessSpec(
    GuestTransportMode Mode, string User, string KeyFile, string? KnownHostsFile, string? HostKeyFingerprint, int Port = GuestAccessSpec.DefaultPort, bool TrustOnFirstUse = false)
{
    public const int DefaultPort = 22;
}
