namespace Zentoria.Reconciler.Notifications;

/// <summary>The body a webhook target receives.</summary>
internal enum NotificationFormat
{
    /// <summary><c>{"subject","revision","event","message","environment","at"}</c>: for scripts and generic receivers.</summary>
    Json,

    /// <summary><c>{"text": "..."}</c>: what Slack incoming webhooks (and Mattermost, Rocket.Chat, Gitea's Slack hooks) accept.</summary>
    Slack,
}
