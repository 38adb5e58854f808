using System.Collections.Immutable;
using System.Globalization;

namespace Zentoria.Reconciler.Routing;

/// <summary>
/// Where one upstream sends traffic: one server per pool, weighted. Weights the operator writes are percentages
/// (95 and 5); a pool at 0 % has no server line, because NGINX refuses <c>weight=0</c>.
/// </summary>
internal sealed record UpstreamRouting(string Upstream, ImmutableArray<UpstreamServer> Servers)
{
    /// <summary>All traffic to one pool: the blue/green switch.</summary>
    public static UpstreamRouting All(string upstream, UpstreamPool pool, UpstreamEndpoint endpoint) =>
        new(upstream, [new UpstreamServer(pool, endpoint, 100)]);

    /// <summary><paramref name="canaryPercent"/> % to the canary and the rest to stable; 0 and 100 leave one server.</summary>
    public static UpstreamRouting Split(string upstream, UpstreamEndpoint stable, UpstreamEndpoint canary, int canaryPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(canaryPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canaryPercent, 100);
        return canaryPercent switch
        {
            0 => All(upstream, UpstreamPool.Stable, stable),
            100 => All(upstream, UpstreamPool.Canary, canary),
            _ => new(upstream, [new UpstreamServer(UpstreamPool.Stable, stable, 100 - canaryPercent), new UpstreamServer(UpstreamPool.Canary, canary, canaryPercent)]),
        };
    }

    public UpstreamServer? ServerOf(UpstreamPool pool) => Servers.FirstOrDefault(s => s.Pool == pool);

    /// <summary>The share of requests the pool gets, in whole percent (0 when it has no server).</summary>
    public int PercentOf(UpstreamPool pool)
    {
        var total = Servers.Sum(s => (long)s.Weight);
        var weight = Servers.Where(s => s.Pool == pool).Sum(s => (long)s.Weight);
        return total == 0 ? 0 : (int)Math.Round(100.0 * weight / total, MidpointRounding.AwayFromZero);
    }

    /// <summary>The same upstream and servers, in any order: what drift compares.</summary>
    public bool Equals(UpstreamRouting? other) =>
        other is not null && Upstream == other.Upstream && Servers.Length == other.Servers.Length && Servers.All(other.Servers.Contains);

    public override int GetHashCode() => HashCode.Combine(Upstream, Servers.Length);

    /// <summary>For status and logs: <c>backend: stable 127.0.2.241:3000 95 %, canary 127.0.2.211:3000 5 %</c>.</summary>
    public override string ToString() =>
        $"{Upstream}: " + string.Join(", ", Servers.Select(s => $"{s.Pool.ToString().ToLowerInvariant()} {s.Endpoint} {PercentOf(s.Pool).ToString(CultureInfo.InvariantCulture)} %"));
}
