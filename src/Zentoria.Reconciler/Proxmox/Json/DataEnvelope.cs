using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>The success envelope <c>{"data": ..., "total": n}</c>.</summary>
internal sealed class DataEnvelope<T>
{
    [JsonPropertyName("data")]
    public T? Data { get; init; }

    [JsonPropertyName("total")]
    public int? Total { get; init; }
}
