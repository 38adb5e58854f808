using System.Globalization;
using System.Text.Json;

namespace Zentoria.Reconciler.Notifications;

/// <summary>The bytes a target receives for one event, in its format.</summary>
internal static class NotificationPayload
{
    public static byte[] Build(NotificationFormat format, NotificationEvent e, string environment) => format switch
    {
        NotificationFormat.Slack => JsonSerializer.SerializeToUtf8Bytes(new SlackPayload(Text(e, environment)), NotificationJsonContext.Default.SlackPayload),
        _ => JsonSerializer.SerializeToUtf8Bytes(
            new JsonPayload(environment, e.Subject, e.Revision, e.Kind.ToString(), e.Message, e.At), NotificationJsonContext.Default.JsonPayload),
    };

    /// <summary>One line people read in a chat: what, where, which revision, then the message.</summary>
    public static string Text(NotificationEvent e, string environment)
    {
        var what = e.Kind switch
        {
            NotificationKind.RevisionRejected => "Desired state rejected",
            NotificationKind.RolloutStarted => "Rollout started",
            NotificationKind.RolloutPromoted => "Rollout promoted",
            NotificationKind.RolloutRolledBack => "Rollout rolled back",
            _ => "Rollout failed",
        };
        var revision = e.Revision.Length > 12 ? e.Revision[..12] : e.Revision;
        return string.Create(CultureInfo.InvariantCulture, $"[{environment}] {what}: {e.Subject} at revision {revision}. {e.Message}");
    }
}
