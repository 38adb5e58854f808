using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Decides whether to trust the server: the system's trust store by default, an exact SHA-256 pin for the
/// self-signed certificate every fresh Proxmox node has, or nothing at all when explicitly told to skip.
/// Remembers why it last refused, so the error line can say which fingerprint the server really showed.
/// </summary>
internal sealed class ServerCertificateValidator(CertificateFingerprint? pinned, bool skipVerification)
{
    private volatile string? lastRefusal;
    private volatile string? lastActualFingerprint;

    public string? LastRefusal => lastRefusal;

    public string? LastActualFingerprint => lastActualFingerprint;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (skipVerification)
        {
            return true;
        }

        if (certificate is null)
        {
            lastRefusal = "the server sent no TLS certificate";
            return false;
        }

        var actual = CertificateFingerprint.FromHash(certificate.GetCertHash(HashAlgorithmName.SHA256));
        if (pinned is not null)
        {
            // A pin replaces the chain check: the node certificate is signed by a cluster-private CA.
            if (pinned.Equals(actual))
            {
                return true;
            }

            lastActualFingerprint = actual.ToString();
            lastRefusal = $"its TLS certificate has SHA-256 fingerprint {actual}, not the pinned {pinned}";
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        lastActualFingerprint = actual.ToString();
        lastRefusal = $"its TLS certificate is not trusted by this system ({errors}); pin its SHA-256 fingerprint {actual} if it is the node's self-signed certificate";
        return false;
    }
}
