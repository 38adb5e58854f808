using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>
/// Merges query and body parameters as pve-http-server does: form-encoded or JSON bodies, JSON booleans as
/// 1/0, conflicts with path parameters refused, and unknown names refused when the route declares its schema.
/// </summary>
internal static class ParameterParser
{
    private const string UnknownProperty = "property is not defined in schema and the schema does not allow additional properties";
    private const long MaxBodyBytes = 1 << 20;

    public static async Task<Dictionary<string, string>> ParseAsync(HttpRequest request, RouteEntry route, IReadOnlyDictionary<string, string> routeValues, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query)
        {
            parameters[key] = values.ToString();
        }

        if (request.ContentLength is > MaxBodyBytes)
        {
            throw PveApiException.Internal("request entity too large");
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, values) in form)
            {
                parameters[key] = values.ToString();
            }
        }
        else if (request.ContentLength != 0 && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            await ReadJsonAsync(request, parameters, cancellationToken);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in routeValues)
        {
            if (parameters.Remove(key, out var given) && given != value)
            {
                errors[key] = "duplicate parameter (already defined in URI) with conflicting values!";
            }
        }

        if (route.Parameters is { } allowed)
        {
            foreach (var key in parameters.Keys.Where(k => !allowed.Contains(k)))
            {
                errors[key] = UnknownProperty;
            }
        }

        if (errors.Count > 0)
        {
            throw new PveApiException(400, "Parameter verification failed.\n", errors);
        }

        return parameters;
    }

    private static async Task ReadJsonAsync(HttpRequest request, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            throw new PveApiException(400, "malformed JSON string\n");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                string? text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                    _ => null,
                };
                if (text is not null)
                {
                    parameters[property.Name] = text;
                }
            }
        }
    }
}
