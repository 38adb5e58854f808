namespace Zentoria.Reconciler.Routing;

/// <summary>The bytes of an upstream file, or why the routing cannot be written as one.</summary>
internal sealed record UpstreamRendering(byte[]? Content, string? Error)
{
    public bool Succeeded => Content is not null;

    public static UpstreamRendering Success(byte[] content) => new(content, null);

    public static UpstreamRendering Failure(string error) => new(null, error);
}
