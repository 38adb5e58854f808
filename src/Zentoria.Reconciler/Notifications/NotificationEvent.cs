namespace Zentoria.Reconciler.Notifications;

/// <summary>One final event worth telling people about. Sent at most once per (subject, revision, kind).</summary>
/// <param name="Subject">What it is about: a unit such as <c>Service/mcp-gateway</c>, or <see cref="DesiredStateSubject"/>.</param>
/// <param name="Revision">The desired-state revision (a commit SHA for git) the event belongs to.</param>
/// <param name="Message">One or a few sentences for people; passed through the secret redactor before sending.</param>
internal sealed record NotificationEvent(string Subject, string Revision, NotificationKind Kind, string Message, DateTimeOffset At)
{
    public const string DesiredStateSubject = "desired-state";

    /// <summary>What makes two events the same one.</summary>
    public string Key => $"{Subject}\n{Revision}\n{Kind}";
}
