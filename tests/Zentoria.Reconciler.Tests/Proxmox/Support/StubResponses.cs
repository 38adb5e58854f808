using System.Net;
using System.Text;

namespace Zentoria.Reconciler.Tests.Proxmox.Support;

/// <summary>Proxmox-shaped answers: the <c>{"data":...}</c> envelope, and errors whose reason phrase is the first line of the message.</summary>
internal static class StubResponses
{
    public static HttpResponseMessage Data(string json, string? extra = null) =>
        new(HttpStatusCode.OK) { Content = Json($"{{\"data\":{json}{(extra is null ? "" : "," + extra)}}}") };

    public static HttpResponseMessage Null() => Data("null");

    public static HttpResponseMessage Upid(string upid) => Data($"\"{upid}\"");

    /// <summary>An error as PVE 9.x sends it: reason phrase, and <c>message</c> (plus <c>errors</c>) in the body.</summary>
    public static HttpResponseMessage Error(int status, string message, string? errorsJson = null, bool withMessageField = true)
    {
        var reason = message.Split('\n')[0];
        var body = "{\"data\":null" + (errorsJson is null ? "" : ",\"errors\":" + errorsJson)
            + (withMessageField ? ",\"message\":" + System.Text.Json.JsonSerializer.Serialize(message + "\n") : "") + "}";
        return new HttpResponseMessage((HttpStatusCode)status) { ReasonPhrase = reason, Content = Json(body) };
    }

    /// <summary>401 from the authentication layer and 595/596 from proxying: a reason phrase and no body.</summary>
    public static HttpResponseMessage Bare(int status, string reason) =>
        new((HttpStatusCode)status) { ReasonPhrase = reason, Content = new ByteArrayContent([]) };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
