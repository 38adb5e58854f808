namespace Zentoria.Reconciler.Control;

/// <summary>A run-time suspension of one unit, or of everything when <paramref name="Unit"/> is <see cref="Everything"/>.</summary>
internal sealed record SuspensionRecord(string Unit, string SuspendedBy, DateTimeOffset SuspendedAt)
{
    public const string Everything = "*";
}
