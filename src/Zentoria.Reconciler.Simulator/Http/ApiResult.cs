using System.Text.Json.Nodes;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>What a request answers: the <c>{"data": ...}</c> payload, or an error status with or without a JSON body.</summary>
internal sealed record ApiResult
{
    private ApiResult(int statusCode, string reasonPhrase)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public JsonNode? Data { get; private init; }

    /// <summary>The payload already written as JSON, in place of <see cref="Data"/>: for listings that grow with the cluster.</summary>
    public ReadOnlyMemory<byte>? RawData { get; private init; }

    public int? Total { get; private init; }

    public IReadOnlyDictionary<string, string>? Errors { get; private init; }

    /// <summary>The full message; only written to the body by 9.x servers.</summary>
    public string? Message { get; private init; }

    /// <summary>Set for errors raised below the API handlers (401, 595/596) which carry no JSON body.</summary>
    public bool EmptyBody { get; private init; }

    /// <summary>Plain-text body (501 in 9.x).</summary>
    public string? PlainText { get; private init; }

    public static ApiResult Ok(JsonNode? data, int? total = null) => new(200, "OK") { Data = data, Total = total };

    public static ApiResult OkWritten(ReadOnlyMemory<byte> utf8Json) => new(200, "OK") { RawData = utf8Json };

    public static ApiResult FromException(PveApiException exception) =>
        new(exception.StatusCode, FirstLine(exception.Message))
        {
            Errors = exception.Errors,
            Message = exception.Message,
        };

    public static ApiResult WithoutBody(int statusCode, string reasonPhrase) =>
        new(statusCode, FirstLine(reasonPhrase)) { EmptyBody = true };

    public static ApiResult NotImplemented(string message) =>
        new(501, FirstLine(message)) { EmptyBody = true, PlainText = message };

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
