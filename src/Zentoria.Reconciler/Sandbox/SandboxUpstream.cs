using System.Collections.Immutable;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Sandbox;

/// <summary>
/// One upstream as the sandbox's NGINX loaded it: its servers, chosen by NGINX's smooth weighted round-robin, so
/// weights 95 and 5 give exactly 95 and 5 of every 100 requests, interleaved.
/// </summary>
/// <remarks>Thread-safe: requests pick concurrently.</remarks>
internal sealed class SandboxUpstream(ImmutableArray<UpstreamServer> servers)
{
    private readonly Lock gate = new();
    private readonly long[] current = new long[servers.Length];

    public ImmutableArray<UpstreamServer> Servers { get; } = servers;

    /// <summary>The next server, or null when the upstream has none.</summary>
    public UpstreamServer? Next()
    {
        if (Servers.IsEmpty)
        {
            return null;
        }

        lock (gate)
        {
            var total = 0L;
            var best = 0;
            for (var i = 0; i < Servers.Length; i++)
            {
                current[i] += Servers[i].Weight;
                total += Servers[i].Weight;
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            return Servers[best];
        }
    }
}
