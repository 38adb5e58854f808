namespace Zentoria.Reconciler.Tests.Proxmox.Support;

/// <summary>A request as the stub saw it; <see cref="Path"/> is relative to <c>/api2/json</c>.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A parameter from the query or the form body.</summary>
    public string? Parameter(string name) => Form.TryGetValue(name, out var value) || Query.TryGetValue(name, out value) ? value : null;
}
