namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// One HTTP attempt, as reported to <see cref="ProxmoxRequestObserver"/>. <see cref="RouteTemplate"/> has bounded
/// cardinality (<c>/nodes/{node}/lxc/{vmid}/config</c>), so it is safe as a metric label, and so is
/// <see cref="Node"/> (null for cluster-wide paths). <see cref="StatusCode"/> is null when no answer arrived;
/// <see cref="Duration"/> excludes time queued for a node slot.
/// </summary>
internal readonly record struct ProxmoxRequestCompleted(string Method, string RouteTemplate, string? Node, int? StatusCode, TimeSpan Duration, ProxmoxErrorKind? Error);
