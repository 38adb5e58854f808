namespace Zentoria.Reconciler.Sources;

/// <param name="FetchRequested">Whether the request led to a fetch (and, when the revision changed, a pass).</param>
internal sealed record WebhookOutcome(int StatusCode, string Message, bool FetchRequested);
