using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>Writes an <see cref="ApiResult"/> the way pve-api-daemon does for the configured release.</summary>
internal sealed class ResponseWriter(PveVersion version, TimeProvider time)
{
    private readonly KeepAlivePolicy keepAlive = new();

    public async Task WriteAsync(HttpContext context, ApiResult result, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = result.ReasonPhrase;
        var now = HeaderUtilities.FormatDate(time.GetUtcNow());
        response.Headers.Date = now;
        // An API answer is never cached: it expires the moment it is sent.
        response.Headers.Expires = now;
        response.Headers.Server = "pve-api-daemon/3.0";
        response.Headers.CacheControl = "max-age=0";
        response.Headers.Pragma = "no-cache";
        // Kestrel writes the token as "keep-alive"; header tokens are case-insensitive.
        response.Headers.Connection = KeepsAlive(context, result.StatusCode) ? "Keep-Alive" : "close";

        if (result.EmptyBody)
        {
            // Since libpve-http-server-perl 5.2.0 a 501 carries its plain message; before that it was empty.
            if (result.PlainText is not null && version == PveVersion.V9_1)
            {
                await WriteWithLengthAsync(response, Encoding.UTF8.GetBytes(result.PlainText), cancellationToken);
            }

            return;
        }

        response.ContentType = "application/json;charset=UTF-8";
        // Straight to UTF-8: a listing of thousands of containers is megabytes, and a string of it would be twice that.
        var buffer = new ArrayBufferWriter<byte>((result.RawData?.Length ?? 0) + 256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteBody(json, result);
        }

        var bytes = buffer.WrittenMemory;

        // pve-http-server compresses bodies over 1 KiB when the client accepts it, whole, in memory (memGzip).
        if (bytes.Length > 1024 && AcceptsGzip(context.Request))
        {
            response.Headers.ContentEncoding = "gzip";
            using var compressed = new MemoryStream(bytes.Length / 8);
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes.Span);
            }

            bytes = compressed.GetBuffer().AsMemory(0, (int)compressed.Length);
        }

        await WriteWithLengthAsync(response, bytes, cancellationToken);
    }

    /// <summary>
    /// pveproxy sends every answer whole, with its Content-Length, never chunked: one write of headers and body,
    /// which a client reads without waiting for a last, empty chunk.
    /// </summary>
    private static async Task WriteWithLengthAsync(HttpResponse response, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private void WriteBody(Utf8JsonWriter json, ApiResult result)
    {
        json.WriteStartObject();
        json.WritePropertyName("data");
        if (result.RawData is { } raw)
        {
            json.WriteRawValue(raw.Span, skipInputValidation: true);
        }
        else if (result.Data is { } data)
        {
            data.WriteTo(json);
        }
        else
        {
            json.WriteNullValue();
        }

        if (result.Total is { } total)
        {
            json.WriteNumber("total", total);
        }

        if (result.Errors is { Count: > 0 } errors)
        {
            json.WriteStartObject("errors");
            foreach (var (name, text) in errors)
            {
                json.WriteString(name, text);
            }

            json.WriteEndObject();
        }

        if (result.StatusCode >= 400 && result.Message is not null && version == PveVersion.V9_1)
        {
            json.WriteString("message", result.Message);
        }

        json.WriteEndObject();
    }

    private bool KeepsAlive(HttpContext context, int statusCode) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items is not { } items || keepAlive.KeepsAlive(items, statusCode);

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
