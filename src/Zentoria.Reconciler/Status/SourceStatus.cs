namespace Zentoria.Reconciler.Status;

/// <summary>Where the desired state comes from and whether the last fetch worked.</summary>
/// <param name="Kind"><c>Folder</c> or <c>Git</c>.</param>
/// <param name="Description">Such as <c>git file:///srv/stack.git refs/heads/main path 'desired-state'</c>; never a credential.</param>
/// <param name="Error">Why the last fetch failed (the last valid revision stays in force meanwhile); null after a good one.</param>
/// <param name="ConsecutiveFailures">Fetches failed in a row; the next waits out a capped exponential backoff.</param>
internal sealed record SourceStatus(string Kind, string Description, string? Error, int ConsecutiveFailures);
