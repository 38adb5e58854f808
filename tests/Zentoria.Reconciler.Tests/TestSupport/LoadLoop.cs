namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// Keep-alive HTTP clients sending requests back to back until told to finish, bounded in count and time: at least
/// <c>minimum</c> requests (unless the time runs out), at most <c>maximum</c>. Every answer is kept with the time it
/// arrived, for <see cref="LoadReport"/>.
/// </summary>
internal sealed class LoadLoop(Uri baseAddress, int concurrency = 4) : IDisposable
{
    private const string NoAnswer = "no answer: ";

    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private int answered;

    /// <summary>Requests answered (or failed) so far.</summary>
    public int Answered => Volatile.Read(ref answered);

    /// <summary>A timestamp on the loop's clock, to mark a moment (a release's start) in the report.</summary>
    public static long Now() => TimeProvider.System.GetTimestamp();

    public async Task<LoadReport> RunAsync(int minimum, int maximum, TimeSpan limit, CancellationToken finish)
    {
        using var timeUp = new CancellationTokenSource(limit, TimeProvider.System);
        var started = Now();
        var next = 0;
        var timelines = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var seen = new List<LoadAnswer>();
            while (!timeUp.IsCancellationRequested)
            {
                var number = Interlocked.Increment(ref next);
                if (number > maximum || (number > minimum && finish.IsCancellationRequested))
                {
                    break;
                }

                seen.Add(await SendAsync(timeUp.Token));
                Interlocked.Increment(ref answered);
            }

            return seen;
        }));

        return new LoadReport(started, [.. timelines.SelectMany(t => t).OrderBy(a => a.At)], timeUp.IsCancellationRequested);
    }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// One GET, sent once more if the connection failed before any answer came: a server may close an idle keep-alive
    /// connection (NGINX's old workers do at a reload) just as the next request goes out, and HTTP clients resend an
    /// idempotent request then (RFC 9112 section 9.3.1), as browsers do. Once NGINX answered, nothing is resent: a 5xx,
    /// or a body cut short (a backend that died mid-answer), is a failure.
    /// </summary>
    private async Task<LoadAnswer> SendAsync(CancellationToken timeUp)
    {
        var first = await AttemptAsync(timeUp);
        return first is { Body: null, Failure: { } failure } && failure.StartsWith(NoAnswer, StringComparison.Ordinal)
            ? (await AttemptAsync(timeUp)) with { Retried = true, Failure = failure }
            : first;
    }

    private async Task<LoadAnswer> AttemptAsync(CancellationToken timeUp)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync("/", HttpCompletionOption.ResponseHeadersRead, timeUp);
        }
        catch (HttpRequestException e)
        {
            return new LoadAnswer(Now(), null, $"{NoAnswer}{e.Message} {e.InnerException?.Message}");
        }
        catch (TaskCanceledException e)
        {
            return new LoadAnswer(Now(), null, e.Message);
        }

        using (response)
        {
            try
            {
                var body = (await response.Content.ReadAsStringAsync(timeUp)).Trim();
                return (int)response.StatusCode < 500 ? new LoadAnswer(Now(), body) : new LoadAnswer(Now(), null, $"HTTP {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                return new LoadAnswer(Now(), null, $"HTTP {(int)response.StatusCode}, body cut short: {e.Message}");
            }
        }
    }
}
