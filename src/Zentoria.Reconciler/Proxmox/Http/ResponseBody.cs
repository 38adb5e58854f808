using System.IO.Compression;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A response body as sent before any compression. The handler does not decompress by itself, because it would then
/// ask for gzip on every request (see <see cref="ApiRoute.Compressed"/>).
/// </summary>
internal static class ResponseBody
{
    public static async Task<Stream> OpenAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var raw = await content.ReadAsStreamAsync(cancellationToken);
        return content.Headers.ContentEncoding.LastOrDefault()?.ToLowerInvariant() switch
        {
            null or "identity" => raw,
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            "deflate" => new ZLibStream(raw, CompressionMode.Decompress),
            var other => throw new InvalidDataException($"the body is encoded as '{other}', which this client did not ask for"),
        };
    }
}
