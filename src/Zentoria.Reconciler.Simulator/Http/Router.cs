namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>Matches a decoded path under <c>/api2/json</c> to a route; literal segments win over placeholders.</summary>
internal sealed class Router
{
    private readonly List<RouteEntry> _routes = [];

    public void Add(RouteEntry route) => _routes.Add(route);

    public IReadOnlyList<RouteEntry> Routes => _routes;

    public (RouteEntry Route, Dictionary<string, string> Values)? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        (RouteEntry Route, Dictionary<string, string> Values)? best = null;
        var bestLiterals = -1;
        foreach (var route in _routes)
        {
            if (route.Method != method || route.Segments.Count != segments.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var literals = 0;
            var matched = true;
            for (var i = 0; i < segments.Length && matched; i++)
            {
                var pattern = route.Segments[i];
                if (pattern.StartsWith('{'))
                {
                    values[pattern[1..^1]] = segments[i];
                }
                else if (pattern == segments[i])
                {
                    literals++;
                }
                else
                {
                    matched = false;
                }
            }

            if (matched && literals > bestLiterals)
            {
                best = (route, values);
                bestLiterals = literals;
            }
        }

        return best;
    }
}
