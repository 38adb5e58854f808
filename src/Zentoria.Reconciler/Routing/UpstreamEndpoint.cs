using System.Globalization;

namespace Zentoria.Reconciler.Routing;

/// <summary>Where an upstream server listens: an IPv4 address or host name, and a port.</summary>
internal sealed record UpstreamEndpoint(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
