using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Routing;

/// <summary>
/// The format of the upstream files the operator owns in the proxy's container: a marker line, the routed service,
/// one <c>upstream</c> block with a <c>server</c> line per pool, each tagged with its pool. The same routing always
/// gives the same bytes, so an unchanged file is not rewritten and a hand edit shows as a difference.
/// </summary>
/// <example>
/// <code>
/// # zentoria-reconciler: managed upstream. Edits are drift: the operator writes this file back.
/// # service: mcp-gateway
/// upstream backend {
///     server 127.0.2.241:3000 weight=95; # stable
///     server 127.0.2.211:3000 weight=5; # canary
/// }
/// </code>
/// </example>
internal static partial class UpstreamFile
{
    /// <summary>The first line of every file the operator owns; a file without it is never overwritten.</summary>
    public const string Marker = "# zentoria-reconciler: managed upstream.";

    private const string MarkerLine = Marker + " Edits are drift: the operator writes this file back.";
    private const int MaxWeight = 1000;

    public static UpstreamRendering Render(UpstreamRouting routing, ServiceName service)
    {
        if (Check(routing) is { } error)
        {
            return UpstreamRendering.Failure(error);
        }

        if (!NamePattern().IsMatch(service.Value))
        {
            return UpstreamRendering.Failure($"'{service.Value}' cannot be written in an NGINX comment");
        }

        var text = new StringBuilder()
            .Append(MarkerLine).Append('\n')
            .Append("# service: ").Append(service.Value).Append('\n')
            .Append("upstream ").Append(routing.Upstream).Append(" {\n");
        foreach (var server in routing.Servers.OrderBy(s => s.Pool))
        {
            text.Append(CultureInfo.InvariantCulture, $"    server {server.Endpoint} weight={server.Weight}; # {PoolName(server.Pool)}\n");
        }

        return UpstreamRendering.Success(Encoding.UTF8.GetBytes(text.Append("}\n").ToString()));
    }

    public static UpstreamFileReading Read(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new UpstreamFileReading(false, null, "the file is not UTF-8 text and has no marker line");
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (!lines[0].StartsWith(Marker, StringComparison.Ordinal))
        {
            return new UpstreamFileReading(false, null, $"the file does not start with the line '{Marker}', so it is not the operator's");
        }

        return Parse(lines, out var routing, out var error)
            ? new UpstreamFileReading(true, routing, null)
            : new UpstreamFileReading(true, null, error);
    }

    public static string PoolName(UpstreamPool pool) => pool.ToString().ToLowerInvariant();

    private static bool Parse(string[] lines, out UpstreamRouting? routing, out string? error)
    {
        (routing, error) = (null, null);
        string? upstream = null;
        var servers = ImmutableArray.CreateBuilder<UpstreamServer>();
        var closed = false;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var at = $"line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (closed)
            {
                error = $"{at}: '{line}' follows the upstream block";
                return false;
            }

            if (upstream is null)
            {
                var open = UpstreamPattern().Match(line);
                if (!open.Success)
                {
                    error = $"{at}: expected 'upstream NAME {{', found '{line}'";
                    return false;
                }

                upstream = open.Groups[1].Value;
                continue;
            }

            if (line == "}")
            {
                closed = true;
                continue;
            }

            if (Server(line, at, out error) is not { } server)
            {
                return false;
            }

            servers.Add(server);
        }

        if (!closed)
        {
            error = upstream is null ? "the file has no upstream block" : "the upstream block is not closed with '}'";
            return false;
        }

        routing = new UpstreamRouting(upstream!, servers.ToImmutable());
        error = Check(routing);
        return error is null;
    }

    private static UpstreamServer? Server(string line, string at, out string? error)
    {
        var match = ServerPattern().Match(line);
        if (!match.Success)
        {
            error = $"{at}: expected 'server HOST:PORT weight=N; # stable' or '# canary', found '{line}'";
            return null;
        }

        error = null;
        var weight = match.Groups["weight"].Success ? int.Parse(match.Groups["weight"].Value, CultureInfo.InvariantCulture) : 1;
        var pool = match.Groups["pool"].Value == "stable" ? UpstreamPool.Stable : UpstreamPool.Canary;
        return new UpstreamServer(pool, new UpstreamEndpoint(match.Groups["host"].Value, int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture)), weight);
    }

    // Every value lands in an NGINX configuration file: anything outside these shapes could end a directive.
    private static string? Check(UpstreamRouting routing)
    {
        if (!NamePattern().IsMatch(routing.Upstream))
        {
            return $"'{routing.Upstream}' is not an upstream name (letters, digits, '_', '.', '-')";
        }

        if (routing.Servers.IsDefaultOrEmpty)
        {
            return $"upstream {routing.Upstream} has no server";
        }

        if (routing.Servers.GroupBy(s => s.Pool).FirstOrDefault(g => g.Count() > 1) is { } doubled)
        {
            return $"upstream {routing.Upstream} has more than one {PoolName(doubled.Key)} server";
        }

        foreach (var server in routing.Servers)
        {
            if (!HostPattern().IsMatch(server.Endpoint.Host))
            {
                return $"'{server.Endpoint.Host}' is not an address or host name";
            }

            if (server.Endpoint.Port is < 1 or > 65535)
            {
                return $"{server.Endpoint} has a port outside 1-65535";
            }

            if (server.Weight is < 1 or > MaxWeight)
            {
                return $"{server.Endpoint} has weight {server.Weight.ToString(CultureInfo.InvariantCulture)}; NGINX takes 1 to {MaxWeight.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^upstream\s+([A-Za-z0-9_.-]+)\s*\{$")]
    private static partial Regex UpstreamPattern();

    [GeneratedRegex(@"^server\s+(?<host>[^\s;]+):(?<port>[0-9]{1,5})(\s+weight=(?<weight>[0-9]{1,6}))?\s*;\s*#\s*(?<pool>stable|canary)$")]
    private static partial Regex ServerPattern();
}
