using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// Watches an upstream file while a release runs: every server it names must answer <c>/health</c>. A failed probe
/// counts only if the file still says the same afterwards, so a switch made during the probe is not blamed.
/// </summary>
internal sealed class UpstreamGuard : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource stopping = new();
    private readonly List<string> violations = [];
    private readonly string file;
    private readonly Task watching;
    private int checks;

    private UpstreamGuard(string file)
    {
        this.file = file;
        watching = Task.Run(WatchAsync);
    }

    /// <summary>How many times the file was read and every server in it probed.</summary>
    public int Checks => Volatile.Read(ref checks);

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (violations)
            {
                return [.. violations];
            }
        }
    }

    public static UpstreamGuard Start(string file) => new(file);

    /// <summary>Checks the file once now; null when every server it names answers, else what does not.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var before = await File.ReadAllBytesAsync(file, cancellationToken);
        var routing = UpstreamFile.Read(before).Routing;
        if (routing is null)
        {
            return $"{file} has no routing the operator wrote: {System.Text.Encoding.UTF8.GetString(before)}";
        }

        foreach (var server in routing.Servers)
        {
            var problem = await ProbeAsync(server.Endpoint, cancellationToken);
            if (problem is not null && (await File.ReadAllBytesAsync(file, cancellationToken)).AsSpan().SequenceEqual(before))
            {
                return $"{file} sends traffic to {server.Endpoint} ({UpstreamFile.PoolName(server.Pool)}), which does not serve: {problem}";
            }
        }

        Interlocked.Increment(ref checks);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await watching;
        stopping.Dispose();
        client.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await CheckAsync(stopping.Token) is { } violation)
                {
                    lock (violations)
                    {
                        violations.Add(violation);
                    }
                }

                await Task.Delay(Interval, TimeProvider.System, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (IOException)
            {
                // The file is being renamed into place; read it again next time.
            }
        }
    }

    private async Task<string?> ProbeAsync(UpstreamEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri($"http://{endpoint}/health"), cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 2 s";
        }
    }
}
