namespace Zentoria.Reconciler.Proxmox;

/// <summary>Where an error came from, as an error line may print it: the endpoint and a secret-free name of the credentials.</summary>
internal sealed record ProxmoxErrorOrigin(string Endpoint, string Credential);
