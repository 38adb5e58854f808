namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>One request of a <see cref="LoadLoop"/>: when its answer arrived, and the body, or null and why when it failed.</summary>
/// <param name="Retried">The first attempt's keep-alive connection was closed under it, and the request was sent again.</param>
internal sealed record LoadAnswer(long At, string? Body, string? Failure = null, bool Retried = false);
