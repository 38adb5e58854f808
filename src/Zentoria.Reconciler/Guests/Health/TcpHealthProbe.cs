using System.Net.Sockets;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>One TCP connect: healthy when the port accepts a connection.</summary>
internal static class TcpHealthProbe
{
    public static async Task<HealthAttempt> ProbeAsync(string address, int port, int number, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(address, port, cancellationToken);
            return new HealthAttempt(number, true, $"{address}:{port} accepted a connection");
        }
        catch (SocketException exception)
        {
            return new HealthAttempt(number, false, $"{address}:{port}: {exception.SocketErrorCode}");
        }
    }
}
