namespace Zentoria.Reconciler.Routing;

/// <summary>What an upstream file's bytes say.</summary>
/// <param name="Owned">The file starts with <see cref="UpstreamFile.Marker"/>: the operator may overwrite it.</param>
/// <param name="Routing">The routing it holds, when it is owned and in the operator's format.</param>
/// <param name="Error">Why there is no routing: not owned, or the line that is not in the format.</param>
internal sealed record UpstreamFileReading(bool Owned, UpstreamRouting? Routing, string? Error);
