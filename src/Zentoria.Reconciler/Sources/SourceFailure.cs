namespace Zentoria.Reconciler.Sources;

/// <param name="Message">A sentence for status and logs, already passed through the secret redactor.</param>
internal sealed record SourceFailure(SourceFailureKind Kind, string Message);
