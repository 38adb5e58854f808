namespace Zentoria.Reconciler.DesiredState.Loading;

/// <param name="Path">As errors print it: the desired-state root as the user typed it, then the file's relative path.</param>
/// <param name="RelativePath">Relative to the desired-state root, with '/' separators; what the revision hashes.</param>
internal sealed record SourceFile(string Path, string RelativePath, string Text, bool IsOverlay);
