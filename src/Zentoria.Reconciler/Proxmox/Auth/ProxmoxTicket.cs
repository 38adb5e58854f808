using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>The answer of <c>POST /access/ticket</c>. Ticket and CSRF token are secrets and print as <c>***</c>.</summary>
internal sealed record ProxmoxTicket
{
    [JsonPropertyName("username")]
    public string Username { get; set; } = "";

    [JsonPropertyName("ticket")]
    [JsonConverter(typeof(SecretStringJsonConverter))]
    public SecretString? Ticket { get; init; }

    [JsonPropertyName("CSRFPreventionToken")]
    [JsonConverter(typeof(SecretStringJsonConverter))]
    public SecretString? CsrfPreventionToken { get; init; }

    /// <summary>Set instead of a full ticket when the user has two-factor authentication.</summary>
    [JsonPropertyName("NeedTFA")]
    public bool NeedTfa { get; init; }
}
