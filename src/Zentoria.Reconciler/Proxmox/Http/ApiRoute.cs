using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>A concrete path under <c>/api2/json</c>, the template it came from (for metrics), and the node it targets.</summary>
internal readonly record struct ApiRoute(string Template, string Path, NodeName? Node);
