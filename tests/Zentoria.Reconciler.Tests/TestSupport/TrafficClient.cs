using System.Collections.Concurrent;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>Keep-alive HTTP clients sending a fixed number of requests and counting who answered.</summary>
internal sealed class TrafficClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Sends exactly <paramref name="requests"/> requests over <paramref name="concurrency"/> connections.</summary>
    public async Task<TrafficCount> SendAsync(int requests, int concurrency = 4, CancellationToken cancellationToken = default)
    {
        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = 0;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                try
                {
                    using var response = await client.GetAsync("/", cancellationToken);
                    var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
                    answers.AddOrUpdate(body, 1, (_, n) => n + 1);
                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));

        return new TrafficCount(answers, failures, requests);
    }

    public void Dispose() => client.Dispose();
}
