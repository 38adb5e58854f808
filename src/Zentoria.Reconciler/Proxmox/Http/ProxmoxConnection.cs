using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Polly;
using Polly.Timeout;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Sends one API request: credentials, the per-node concurrency cap, the resilience pipeline of its operation
/// class, the observer, and the translation of every failure into a <see cref="ProxmoxException"/>.
/// </summary>
internal sealed class ProxmoxConnection(
    HttpClient http,
    ValidatedProxmoxOptions options,
    RequestAuthenticator authenticator,
    ServerCertificateValidator certificateValidator,
    ProxmoxResiliencePipelines pipelines,
    NodeConcurrencyLimiter limiter,
    ProxmoxRequestObserver? observer,
    TimeProvider timeProvider)
{
    internal static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("zentoria.proxmox.request");
    private const int MaxErrorBodyBytes = 64 * 1024;

    public string Endpoint => options.Endpoint;

    public ProxmoxClientOptions Options => options.Options;

    public Task<T> GetAsync<T>(ApiRoute route, CancellationToken cancellationToken, FormParameters? query = null, OperationClass operation = OperationClass.Read) =>
        SendAsync<T>(new ApiRequest(HttpMethod.Get, route, operation, query), cancellationToken);

    public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken)
    {
        var envelope = await SendForEnvelopeAsync<T>(request, cancellationToken);
        return envelope.Data ?? throw new ProxmoxException(
            ProxmoxErrorKind.ApiError, $"{request.Context} answered without data.", request.Context, 200);
    }

    /// <summary>For calls whose answer is <c>{"data":null}</c>, such as <c>PUT .../config</c>.</summary>
    public async Task SendWithoutResultAsync(ApiRequest request, CancellationToken cancellationToken) =>
        await SendForEnvelopeAsync<JsonElement>(request, cancellationToken);

    public async Task<DataEnvelope<T>> SendForEnvelopeAsync<T>(ApiRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync<T>(request, cancellationToken);
        }
        catch (ProxmoxUnauthorizedException refused) when (!request.Anonymous && !IsLogin(refused.Request) && authenticator.Invalidate())
        {
            // A ticket can die early (the server's key rotated, clock skew between nodes): log in once more.
            // A refused login itself is not repeated: the password is wrong and each try costs 3 s at the server.
            return await ExecuteAsync<T>(request, cancellationToken);
        }
    }

    private static bool IsLogin(ProxmoxRequestContext? request) => request?.RouteTemplate == ProxmoxRoutes.AccessTicket().Template;

    private async Task<DataEnvelope<T>> ExecuteAsync<T>(ApiRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await pipelines.For(request.Operation).ExecuteAsync(
                static (context, state) => new ValueTask<DataEnvelope<T>>(state.Connection.AttemptAsync<T>(state.Request, state.CallerToken, context.CancellationToken)),
                context,
                (Connection: this, Request: request, CallerToken: cancellationToken));
        }
        catch (TimeoutRejectedException exception)
        {
            throw new ProxmoxTimeoutException(
                $"Proxmox at {Endpoint} did not answer {request.Context} within {exception.Timeout.TotalSeconds:0.###} s.", request.Context, exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<DataEnvelope<T>> AttemptAsync<T>(ApiRequest request, CancellationToken callerToken, CancellationToken retryToken)
    {
        // A login runs inside another request's attempt, which already holds a slot; taking one more could
        // deadlock a full pool of requests all waiting for that login.
        using var lease = request.Anonymous ? default(NodeConcurrencyLease?) : await limiter.AcquireAsync(request.Route.Node, retryToken);
        return await pipelines.Attempt.ExecuteAsync(
            static (state, attemptToken) => new ValueTask<DataEnvelope<T>>(state.Connection.SendOnceAsync<T>(state.Request, state.CallerToken, attemptToken)),
            (Connection: this, Request: request, CallerToken: callerToken),
            retryToken);
    }

    private async Task<DataEnvelope<T>> SendOnceAsync<T>(ApiRequest request, CancellationToken callerToken, CancellationToken attemptToken)
    {
        var started = timeProvider.GetTimestamp();
        int? status = null;
        ProxmoxErrorKind? error = null;
        try
        {
            using var message = CreateMessage(request);
            if (!request.Anonymous)
            {
                await authenticator.ApplyAsync(message, attemptToken);
            }

            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadErrorAsync(request, response, attemptToken);
            }

            return await ReadEnvelopeAsync<T>(request, response, attemptToken);
        }
        catch (ProxmoxException exception)
        {
            error = exception.Kind;
            throw;
        }
        catch (HttpRequestException exception)
        {
            var mapped = MapTransportFailure(request, exception);
            error = mapped.Kind;
            throw mapped;
        }
        catch (OperationCanceledException exception) when (!callerToken.IsCancellationRequested && !attemptToken.IsCancellationRequested)
        {
            // Neither the caller nor the attempt timeout cancelled: SocketsHttpHandler's ConnectTimeout did.
            error = ProxmoxErrorKind.ConnectionFailed;
            throw new ProxmoxConnectionException(
                $"Cannot connect to Proxmox at {Endpoint}: no connection within {Options.ConnectTimeout.TotalSeconds:0.###} s.", false, request.Context, exception);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            error = ProxmoxErrorKind.Timeout;
            throw;
        }
        finally
        {
            observer?.Invoke(new ProxmoxRequestCompleted(request.Method.Method, request.Route.Template, request.Route.Node?.Value, status, timeProvider.GetElapsedTime(started), error));
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request)
    {
        var sendsBody = request.Method == HttpMethod.Post || request.Method == HttpMethod.Put;
        var query = sendsBody ? "" : request.Parameters?.ToQueryString() ?? "";
        var message = new HttpRequestMessage(request.Method, new Uri(options.ApiRoot, request.Route.Path.TrimStart('/') + query));
        if (sendsBody)
        {
            message.Content = (request.Parameters ?? new FormParameters()).ToContent();
        }

        if (request.Route.Compressed)
        {
            message.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }

        return message;
    }

    private async Task<DataEnvelope<T>> ReadEnvelopeAsync<T>(ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            // Bounded after decompression: the limit is on what is parsed, so a small gzip cannot expand without end.
            await using var stream = new BoundedReadStream(await ResponseBody.OpenAsync(response.Content, cancellationToken), Options.MaxResponseBytes);
            return await JsonSerializer.DeserializeAsync(stream, ProxmoxJson.TypeInfo<DataEnvelope<T>>(), cancellationToken)
                ?? new DataEnvelope<T>();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or InvalidDataException)
        {
            // Converters read with the reader's typed getters and checked casts; any of these means the body is not what this client models.
            throw new ProxmoxException(
                ProxmoxErrorKind.ApiError,
                $"{request.Context} answered {(int)response.StatusCode} with a body this client cannot read: {ProxmoxErrorText.Normalize(exception.Message)}",
                request.Context,
                (int)response.StatusCode,
                null,
                exception);
        }
    }

    private async Task<ProxmoxException> ReadErrorAsync(ApiRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ProxmoxErrorBody.ReadAsync(response.Content, MaxErrorBodyBytes, cancellationToken);
        var text = ProxmoxErrorText.Normalize(body.Message);
        if (text.Length == 0)
        {
            text = ProxmoxErrorText.Normalize(response.ReasonPhrase);
        }

        return ProxmoxErrorMap.FromResponse(request.Context, (int)response.StatusCode, text, body.Errors, new ProxmoxErrorOrigin(Endpoint, authenticator.Description));
    }

    private ProxmoxException MapTransportFailure(ApiRequest request, HttpRequestException exception)
    {
        var reason = ProxmoxErrorText.Normalize(FindSocketError(exception)?.Message ?? exception.Message);
        return exception.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => new ProxmoxCertificateException(
                $"Refusing Proxmox at {Endpoint}: {certificateValidator.LastRefusal ?? "the TLS handshake failed (" + reason + ")"}.",
                certificateValidator.LastActualFingerprint,
                request.Context,
                exception),
            HttpRequestError.NameResolutionError => new ProxmoxConnectionException(
                $"Cannot connect to Proxmox at {Endpoint}: the host name does not resolve ({reason}).", false, request.Context, exception),
            HttpRequestError.ConnectionError => new ProxmoxConnectionException(
                $"Cannot connect to Proxmox at {Endpoint}: {reason}.", false, request.Context, exception),
            _ => new ProxmoxConnectionException(
                $"Proxmox at {Endpoint} dropped the connection during {request.Context}: {reason}.", true, request.Context, exception),
        };
    }

    private static SocketException? FindSocketError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }
}
