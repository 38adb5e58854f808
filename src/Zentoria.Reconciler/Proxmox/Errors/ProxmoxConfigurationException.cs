namespace Zentoria.Reconciler.Proxmox;

/// <summary>The client options are unusable; the message lists every problem on one line, never a secret.</summary>
internal sealed class ProxmoxConfigurationException(string message)
    : ProxmoxException(ProxmoxErrorKind.Configuration, message);
