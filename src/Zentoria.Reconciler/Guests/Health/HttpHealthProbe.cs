using System.Text.Json;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>
/// One <c>GET http://address:port/path</c>: healthy when the status code is the expected one and, when a
/// version is expected, the JSON answer's <c>version</c> equals it (the seed's <c>/health</c> answers
/// <c>{"status":"ok","version":"1.0.0"}</c>).
/// </summary>
internal static class HttpHealthProbe
{
    // A health answer is a few hundred bytes; more is not read, so a broken endpoint cannot flood the operator.
    private const int MaxBodyBytes = 64 * 1024;

    public static Uri Url(string address, int port, string path)
    {
        var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
        return new Uri($"http://{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}{path}", UriKind.Absolute);
    }

    public static async Task<HealthAttempt> ProbeAsync(
        HttpClient http, Uri url, int expectStatus, string? expectedVersion, int number, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var version = await ReadVersionAsync(response, cancellationToken);
            var versionText = version is null ? "no version" : $"version {version}";
            if (status != expectStatus)
            {
                return new HealthAttempt(number, false, $"HTTP {status}, expected {expectStatus}", status, version);
            }

            if (expectedVersion is not null && version != expectedVersion)
            {
                return new HealthAttempt(number, false, $"HTTP {status}, {versionText}, expected version {expectedVersion}", status, version);
            }

            return new HealthAttempt(number, true, $"HTTP {status}, {versionText}", status, version);
        }
        catch (HttpRequestException exception)
        {
            return new HealthAttempt(number, false, Describe(exception));
        }
    }

    /// <summary>The JSON <c>version</c> string of the answer, or null when the body is not JSON or has none.</summary>
    public static async Task<string?> ReadVersionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => "connection failed: " + (exception.InnerException?.Message ?? exception.Message),
        _ => exception.Message.ReplaceLineEndings(" "),
    };
}
