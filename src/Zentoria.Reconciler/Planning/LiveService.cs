using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <param name="Version">The version the service reports, or null when it could not be read.</param>
/// <param name="Healthy">The last health check's verdict, or null when not checked.</param>
internal sealed record LiveService(ServiceName Name, string? Version, bool? Healthy);
