namespace Zentoria.Reconciler.Proxmox;

/// <summary>The server's TLS certificate was refused: not the pinned fingerprint, or not trusted by the system.</summary>
internal sealed class ProxmoxCertificateException(string message, string? actualFingerprint, ProxmoxRequestContext? request = null, Exception? innerException = null)
    : ProxmoxException(ProxmoxErrorKind.Certificate, message, request, null, null, innerException)
{
    /// <summary>The SHA-256 fingerprint the server presented, <c>AA:BB:...</c>, when one was seen.</summary>
    public string? ActualFingerprint { get; } = actualFingerprint;
}
