namespace Zentoria.Reconciler.Analysis;

/// <summary>A query with its placeholders filled in, or why the template cannot be filled.</summary>
internal sealed record PromQlRendering(string? Query, string? Error)
{
    public bool Succeeded => Query is not null;

    public static PromQlRendering Success(string query) => new(query, null);

    public static PromQlRendering Failure(string error) => new(null, error);
}
