namespace Zentoria.Reconciler.DesiredState;

/// <summary>A deployment window, as Argo CD's sync windows: a cron schedule that opens it for a duration.</summary>
/// <param name="Schedule">A five-field cron expression, such as <c>0 22 * * 1-4</c>.</param>
/// <param name="TimeZone">An IANA time zone, such as <c>Europe/Amsterdam</c>.</param>
internal sealed record SyncWindowSpec(SyncWindowKind Kind, string Schedule, TimeSpan Duration, string TimeZone);
