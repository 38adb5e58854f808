namespace Zentoria.Reconciler.Control;

/// <summary>A manual override of the deployment windows: disruptive steps may run until <paramref name="Until"/>.</summary>
internal sealed record WindowOverride(DateTimeOffset Until, string By, DateTimeOffset At);
