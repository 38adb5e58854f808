namespace Zentoria.Reconciler.Guests;

internal enum GuestErrorKind
{
    /// <summary>No TCP connection could be made (refused, timed out, name not resolved).</summary>
    Unreachable,

    /// <summary>The server's host key matched neither the pinned fingerprint nor the known_hosts entries.</summary>
    HostKeyRefused,

    /// <summary>The server refused the client key, or the key file could not be loaded.</summary>
    AuthenticationFailed,

    /// <summary>The connection dropped during the operation.</summary>
    ConnectionLost,

    FileNotFound,

    FileTooLarge,

    PermissionDenied,

    /// <summary>Anything else the transport reported; the message says what.</summary>
    Failed,
}
