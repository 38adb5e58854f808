namespace Zentoria.Reconciler.Notifications;

/// <summary>The generic JSON body; its field names are a contract for receivers (see <c>docs/git-source.md</c>).</summary>
/// <param name="Event">The <see cref="NotificationKind"/> name, such as <c>RevisionRejected</c>.</param>
internal sealed record JsonPayload(string Environment, string Subject, string Revision, string Event, string Message, DateTimeOffset At);
