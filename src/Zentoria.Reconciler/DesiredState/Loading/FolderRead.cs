using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>The files one environment loads from, read but not yet parsed, and what went wrong reading them.</summary>
/// <param name="ContentHash">
/// SHA-256 over the files' relative names and contents, or null when reading failed (nothing to compare then):
/// the same hash means the load would give the same result.
/// </param>
internal sealed record FolderRead(
    List<SourceFile> Files,
    string EnvironmentFolder,
    string Environment,
    ErrorList Errors,
    string? ContentHash,
    DesiredStateLoadResult? Failure);
