using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>Writes an <see cref="ApiResult"/> the way pve-api-daemon does for the configured release.</summary>
internal sealed class ResponseWriter(PveVersion version)
{
    public async Task WriteAsync(HttpContext context, ApiResult result, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = result.ReasonPhrase;
        response.Headers.Server = "pve-api-daemon/3.0";
        response.Headers.CacheControl = "max-age=0";
        response.Headers.Pragma = "no-cache";
        if (result.StatusCode >= 400)
        {
            response.Headers.Connection = "close";
        }

        if (result.EmptyBody)
        {
            // Since libpve-http-server-perl 5.2.0 a 501 carries its plain message; before that it was empty.
            if (result.PlainText is not null && version == PveVersion.V9_1)
            {
                await response.WriteAsync(result.PlainText, Encoding.UTF8, cancellationToken);
            }

            return;
        }

        var body = new JsonObject { ["data"] = result.Data };
        if (result.Total is { } total)
        {
            body["total"] = total;
        }

        if (result.Errors is { Count: > 0 } errors)
        {
            var errorObject = new JsonObject();
            foreach (var (name, text) in errors)
            {
                errorObject[name] = text;
            }

            body["errors"] = errorObject;
        }

        if (result.StatusCode >= 400 && result.Message is not null && version == PveVersion.V9_1)
        {
            body["message"] = result.Message;
        }

        response.ContentType = "application/json;charset=UTF-8";
        await response.WriteAsync(body.ToJsonString(SerializerOptions), Encoding.UTF8, cancellationToken);
    }

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
