using System.Net;
using System.Net.Sockets;

namespace Zentoria.Reconciler.Tests.TestSupport;

internal static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago: for a server to take, or to find closed.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
