using System.Net.Sockets;
using Renci.SshNet.Common;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>Maps what SSH.NET throws to the typed errors of the guest shell seam.</summary>
internal static class SshErrors
{
    public static GuestError FromConnect(Exception exception, SshEndpoint endpoint, string? hostKeyRefusal) => exception switch
    {
        _ when hostKeyRefusal is not null => new GuestError(GuestErrorKind.HostKeyRefused, hostKeyRefusal),
        SshAuthenticationException => new GuestError(GuestErrorKind.AuthenticationFailed, $"{endpoint} refused the key: {OneLine(exception.Message)}"),
        SocketException socket => new GuestError(GuestErrorKind.Unreachable, $"cannot reach {endpoint.Host}:{endpoint.Port}: {socket.SocketErrorCode}"),
        SshOperationTimeoutException or OperationCanceledException or TimeoutException =>
            new GuestError(GuestErrorKind.Unreachable, $"cannot reach {endpoint.Host}:{endpoint.Port}: no SSH handshake within the connect timeout"),
        _ => FromOperation(exception, endpoint),
    };

    public static GuestError FromOperation(Exception exception, SshEndpoint endpoint) => exception switch
    {
        SshConnectionException or SocketException or ObjectDisposedException =>
            new GuestError(GuestErrorKind.ConnectionLost, $"the connection to {endpoint} dropped: {OneLine(exception.Message)}"),
        SftpPathNotFoundException => new GuestError(GuestErrorKind.FileNotFound, OneLine(exception.Message)),
        SftpPermissionDeniedException => new GuestError(GuestErrorKind.PermissionDenied, OneLine(exception.Message)),
        _ => new GuestError(GuestErrorKind.Failed, $"{endpoint}: {exception.GetType().Name}: {OneLine(exception.Message)}"),
    };

    /// <summary>Whether the operation may be retried on a fresh connection: nothing reached the server.</summary>
    public static bool IsStaleConnection(Exception exception) =>
        exception is SshConnectionException or SocketException or ObjectDisposedException;

    public static bool IsTransport(Exception exception) =>
        exception is SshException or SocketException or ObjectDisposedException or InvalidOperationException or IOException;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
