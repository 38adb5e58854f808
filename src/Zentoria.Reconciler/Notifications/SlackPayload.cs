namespace Zentoria.Reconciler.Notifications;

/// <summary>A Slack-compatible incoming-webhook body.</summary>
internal sealed record SlackPayload(string Text);
