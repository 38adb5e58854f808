using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Notifications;

/// <summary>POSTs one payload to one target; any 2xx is delivered, anything else (or no answer) is a failed attempt.</summary>
internal sealed class WebhookSender(NotificationOptions options, TimeProvider time, ILogger<WebhookSender> logger) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // The deadline comes from the TimeProvider below; the client's own timeout would bypass it.
    private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<bool> SendAsync(NotificationTarget target, byte[] payload, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = Json;
        try
        {
            using var response = await http.PostAsync(new Uri(target.Url), content, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            Log.SendRefused(logger, NotificationTargets.Describe(options, target), (int)response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The message of a connection failure can carry the URL; only its kind is logged.
            Log.SendFailed(logger, NotificationTargets.Describe(options, target), e.GetType().Name);
            return false;
        }
    }

    public void Dispose() => http.Dispose();
}
