namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>
/// Where each bound field was written, by its error path (<c>containers[backend].vmid</c>), so the rules that
/// look across documents (duplicates, references, cycles) can point at the exact value.
/// </summary>
internal sealed class FieldLocations
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public void Record(string path, SourceLocation location) => _locations.TryAdd(path, location);

    public SourceLocation Of(string path, SourceLocation fallback) => _locations.GetValueOrDefault(path, fallback);
}
