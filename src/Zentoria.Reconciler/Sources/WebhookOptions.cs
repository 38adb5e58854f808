using System.ComponentModel.DataAnnotations;

namespace Zentoria.Reconciler.Sources;

/// <summary>The shared secret that signs <c>POST /webhook/git</c> requests.</summary>
internal sealed class WebhookOptions
{
    /// <summary>A file holding the secret; wins over <see cref="SecretVariable"/>.</summary>
    public string? SecretFile { get; set; }

    /// <value><c>ZENTORIA_WEBHOOK_SECRET</c>.</value>
    [Required]
    public string SecretVariable { get; set; } = "ZENTORIA_WEBHOOK_SECRET";

    /// <summary>Larger bodies are refused unread past this size.</summary>
    /// <value>8 MiB; GitHub push payloads with many commits run to a few MiB.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;
}
