namespace Zentoria.Reconciler.Proxmox;

/// <summary>Options after validation, with their parsed parts.</summary>
internal sealed record ValidatedProxmoxOptions(ProxmoxClientOptions Options, Uri ApiRoot, ProxmoxApiToken? Token, CertificateFingerprint? PinnedCertificate)
{
    /// <summary>Scheme, host and port only: what an error line may print.</summary>
    public string Endpoint => ApiRoot.GetLeftPart(UriPartial.Authority);
}
