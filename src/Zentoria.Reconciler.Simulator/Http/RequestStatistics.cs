using System.Collections.Concurrent;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>Requests served, in total and per route name (<c>"GET /cluster/resources"</c>); unknown paths count as <c>"unmatched"</c>.</summary>
internal sealed class RequestStatistics
{
    public const string Unmatched = "unmatched";

    private readonly ConcurrentDictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> ByRoute => new Dictionary<string, long>(_byRoute, StringComparer.Ordinal);

    public long For(string routeName) => _byRoute.GetValueOrDefault(routeName);

    public void Reset()
    {
        _byRoute.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    internal void Count(string routeName)
    {
        Interlocked.Increment(ref _total);
        _byRoute.AddOrUpdate(routeName, 1, (_, n) => n + 1);
    }
}
