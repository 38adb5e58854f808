using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>An item of <c>GET .../interfaces</c>, as <c>ip</c> inside the running container reports it.</summary>
internal sealed record ContainerInterface
{
    /// <summary><c>lo</c>, <c>eth0</c>, ...</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Lower-case MAC, as the guest prints it (the config's <c>hwaddr</c> is upper-case).</summary>
    [JsonPropertyName("hwaddr")]
    public string? HardwareAddress { get; init; }

    /// <summary>IPv4 address with prefix, <c>192.0.2.50/24</c>.</summary>
    [JsonPropertyName("inet")]
    public string? Inet { get; init; }

    [JsonPropertyName("inet6")]
    public string? Inet6 { get; init; }
}
