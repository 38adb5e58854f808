using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// An item of <c>GET .../pending</c>: the key's running <see cref="Value"/> and, when a change waits for the next
/// start, its <see cref="Pending"/> value or a pending delete.
/// </summary>
[JsonConverter(typeof(PendingConfigValueJsonConverter))]
internal sealed record PendingConfigValue
{
    public string Key { get; init; } = "";

    public string? Value { get; init; }

    public string? Pending { get; init; }

    /// <summary>1 or 2 when a delete of the key is pending (2: forced).</summary>
    public int Delete { get; init; }

    public bool IsPending => Pending is not null || Delete != 0;
}
