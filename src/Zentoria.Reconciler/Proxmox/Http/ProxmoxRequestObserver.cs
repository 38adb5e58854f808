namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Called once per HTTP attempt (retries included), after the response or the failure. It runs on the request
/// path, so it must be quick and must not throw.
/// </summary>
internal delegate void ProxmoxRequestObserver(ProxmoxRequestCompleted request);
