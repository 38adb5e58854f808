namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// One HTTP attempt, as reported to <see cref="ProxmoxRequestObserver"/>. <see cref="RouteTemplate"/> has bounded
/// cardinality (<c>/nodes/{node}/lxc/{vmid}/config</c>), so it is safe as a metric label.
/// </summary>
internal readonly record struct ProxmoxRequestCompleted(string Method, string RouteTemplate, int? StatusCode, TimeSpan Duration, ProxmoxErrorKind? Error);
