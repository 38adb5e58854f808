namespace Zentoria.Reconciler.DesiredState;

/// <summary>Where the environment's Proxmox API is and how to trust and authenticate to it.</summary>
/// <param name="Url">Base URL, such as <c>https://127.0.0.1:8006</c>.</param>
/// <param name="TokenFile">A file holding <c>USER@REALM!TOKENID=SECRET</c>; the secret never lives in YAML.</param>
/// <param name="TokenEnv">An environment variable holding the same, used when <paramref name="TokenFile"/> is null.</param>
/// <param name="Fingerprint">SHA-256 fingerprint of the server certificate to pin, or null for system trust.</param>
/// <param name="InsecureSkipVerify">Skip TLS verification (logged loudly); never the default.</param>
internal sealed record ProxmoxEndpointSpec(string Url, string? TokenFile, string? TokenEnv, string? Fingerprint, bool InsecureSkipVerify);
