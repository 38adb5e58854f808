using System.ComponentModel.DataAnnotations;

namespace Zentoria.Reconciler.Notifications;

/// <summary>One webhook that receives notifications.</summary>
internal sealed class NotificationTarget
{
    /// <summary>An absolute http or https URL. Treated as a secret (a Slack webhook URL is its own credential): never logged.</summary>
    [Required]
    public string Url { get; set; } = "";

    /// <value><see cref="NotificationFormat.Json"/>.</value>
    public NotificationFormat Format { get; set; } = NotificationFormat.Json;
}
