using System.Collections.Immutable;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace Zentoria.Reconciler.Analysis;

/// <summary>
/// Prometheus's HTTP API for instant queries (<c>POST /api/v1/query</c>), answering typed series. Every expected
/// failure (unreachable, a refused query, a timeout, an answer that is not Prometheus's) is a result; only the
/// caller's cancellation throws.
/// </summary>
/// <remarks>
/// The query goes in a form body, so a long template is not cut by URL limits. No <c>time</c> is sent: Prometheus
/// evaluates at its own now, which is what an analysis of the last interval means. Messages name the server by
/// host and port only, never by a URL that could carry credentials.
/// </remarks>
internal sealed class PrometheusClient(HttpClient http, Uri baseAddress, TimeProvider time)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private const int MaxErrorText = 300;

    private readonly Uri queryUri = new(new Uri(baseAddress.ToString().TrimEnd('/') + "/"), "api/v1/query");

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    private string Server => $"Prometheus at {baseAddress.Host}:{baseAddress.Port.ToString(CultureInfo.InvariantCulture)}";

    public async Task<PrometheusQueryResult> QueryAsync(string query, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            using var content = new FormUrlEncodedContent([new("query", query)]);
            using var response = await http.PostAsync(queryUri, content, linked.Token);
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            using var json = await JsonDocument.ParseAsync(body, default, linked.Token);
            return Parse(json.RootElement, (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PrometheusQueryResult.Failure(PrometheusErrorKind.TimedOut, $"{Server} did not answer within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return PrometheusQueryResult.Failure(PrometheusErrorKind.Unreachable, $"{Server} is unreachable: {(e.InnerException as SocketException)?.SocketErrorCode.ToString() ?? e.HttpRequestError.ToString()}");
        }
        catch (JsonException)
        {
            return PrometheusQueryResult.Failure(PrometheusErrorKind.Malformed, $"{Server} answered something that is not JSON");
        }
    }

    private PrometheusQueryResult Parse(JsonElement root, int statusCode)
    {
        var status = Text(root, "status");
        if (status == "error")
        {
            var type = Text(root, "errorType") ?? "unknown";
            var error = Text(root, "error") ?? "";
            var kind = type == "bad_data" ? PrometheusErrorKind.Rejected : PrometheusErrorKind.Failed;
            return PrometheusQueryResult.Failure(kind, $"{Server} answered {statusCode.ToString(CultureInfo.InvariantCulture)} {type}: {(error.Length > MaxErrorText ? error[..MaxErrorText] + "..." : error)}");
        }

        if (status != "success" || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return Malformed($"HTTP {statusCode.ToString(CultureInfo.InvariantCulture)} without a status or data");
        }

        var resultType = Text(data, "resultType");
        if (!data.TryGetProperty("result", out var result))
        {
            return Malformed("data without a result");
        }

        switch (resultType)
        {
            case "scalar" when Value(result) is { } scalar:
                return PrometheusQueryResult.Success([new PrometheusSample(ImmutableSortedDictionary<string, string>.Empty, scalar)]);
            case "vector" when result.ValueKind == JsonValueKind.Array:
                var samples = ImmutableArray.CreateBuilder<PrometheusSample>();
                foreach (var series in result.EnumerateArray())
                {
                    if (series.ValueKind != JsonValueKind.Object || !series.TryGetProperty("value", out var pair) || Value(pair) is not { } value)
                    {
                        return Malformed("a series without a value");
                    }

                    samples.Add(new PrometheusSample(Labels(series), value));
                }

                return PrometheusQueryResult.Success(samples.ToImmutable());
            case "matrix":
                return PrometheusQueryResult.Failure(PrometheusErrorKind.Rejected, $"{Server} answered a range vector; wrap the selector in a function such as rate() to get one value");
            default:
                return Malformed($"result type '{resultType}'");
        }
    }

    private PrometheusQueryResult Malformed(string what) => PrometheusQueryResult.Failure(PrometheusErrorKind.Malformed, $"{Server} answered an unexpected shape: {what}");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableSortedDictionary<string, string> Labels(JsonElement series) =>
        series.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object
            ? metric.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, string>.Empty;

    // Prometheus writes a sample as [unix time, "value"], the value a string because JSON has no NaN or Inf.
    private static double? Value(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[1].ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return pair[1].GetString() switch
        {
            "NaN" => double.NaN,
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => null,
        };
    }
}
