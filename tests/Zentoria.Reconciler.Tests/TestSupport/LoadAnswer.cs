namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>One request of a <see cref="LoadLoop"/>: when its answer arrived, and the body, or null and why when it failed.</summary>
internal sealed record LoadAnswer(long At, string? Body, string? Failure = null);
