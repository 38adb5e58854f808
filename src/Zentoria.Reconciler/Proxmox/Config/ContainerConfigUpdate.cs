namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The body of <c>PUT .../config</c>: values to set, keys to delete, pending changes to revert, and the digest
/// the change was planned against. Values are Proxmox's text forms (<c>"1"</c> for true, MiB for memory).
/// </summary>
internal sealed record ContainerConfigUpdate
{
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Delete { get; init; } = [];

    public IReadOnlyList<string> Revert { get; init; } = [];

    /// <summary>When given, Proxmox refuses the write if the config changed since (a digest conflict).</summary>
    public string? Digest { get; init; }

    public bool IsEmpty => Set.Count == 0 && Delete.Count == 0 && Revert.Count == 0;

    internal FormParameters ToParameters()
    {
        var parameters = new FormParameters();
        foreach (var (key, value) in Set.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            parameters.Add(key, value);
        }

        if (Delete.Count > 0)
        {
            parameters.Add("delete", string.Join(',', Delete));
        }

        if (Revert.Count > 0)
        {
            parameters.Add("revert", string.Join(',', Revert));
        }

        return parameters.Add("digest", Digest);
    }
}
