using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Renci.SshNet;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// One exec connection and one SFTP connection per (host, port, user), opened on first use, checked before
/// every use and re-opened when the server or the network dropped them.
/// </summary>
/// <remarks>Thread-safe. SSH.NET multiplexes concurrent commands over one connection as separate channels.</remarks>
internal sealed class SshConnectionPool(SshGuestOptions options, HostKeyVerifier verifier, TimeProvider timeProvider, ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<SshEndpoint, PooledEndpoint> endpoints = new();
    private readonly Lock keyLoading = new();
    private PrivateKeyFile? key;

    public Task<GuestOutcome<SshClient>> ExecAsync(SshEndpoint endpoint, CancellationToken cancellationToken) =>
        GetAsync(endpoint, static pooled => pooled.Exec, static (pooled, client) => pooled.Exec = client, static info => new SshClient(info), cancellationToken);

    public Task<GuestOutcome<SftpClient>> SftpAsync(SshEndpoint endpoint, CancellationToken cancellationToken) =>
        GetAsync(endpoint, static pooled => pooled.Sftp, static (pooled, client) => pooled.Sftp = client, static info => new SftpClient(info), cancellationToken);

    /// <summary>
    /// Closes <paramref name="broken"/> so the next use connects afresh; a connection another caller has
    /// already re-established is left alone.
    /// </summary>
    /// <remarks>
    /// Waits for the gate without blocking a thread: the caller may be a socket continuation on the engine thread
    /// (InlineSocketCompletions), and the holder's connect may need that very thread to complete.
    /// </remarks>
    public async Task DropAsync(SshEndpoint endpoint, BaseClient broken)
    {
        if (!endpoints.TryGetValue(endpoint, out var pooled))
        {
            return;
        }

        await pooled.Gate.WaitAsync();
        try
        {
            pooled.Close(broken);
        }
        finally
        {
            pooled.Gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var pooled in endpoints.Values)
        {
            pooled.Close(pooled.Exec);
            pooled.Close(pooled.Sftp);
        }

        key?.Dispose();
    }

    private async Task<GuestOutcome<T>> GetAsync<T>(
        SshEndpoint endpoint,
        Func<PooledEndpoint, T?> current,
        Action<PooledEndpoint, T?> store,
        Func<ConnectionInfo, T> create,
        CancellationToken cancellationToken)
        where T : BaseClient
    {
        var pooled = endpoints.GetOrAdd(endpoint, static _ => new PooledEndpoint());
        await pooled.Gate.WaitAsync(cancellationToken);
        try
        {
            if (current(pooled) is { } existing)
            {
                if (existing.IsConnected)
                {
                    return GuestOutcome<T>.Success(existing);
                }

                Log.Reconnecting(logger, endpoint.ToString());
                existing.Dispose();
                store(pooled, null);
            }

            var connected = await ConnectAsync(endpoint, create, cancellationToken);
            if (connected.Succeeded)
            {
                store(pooled, connected.Value);
            }

            return connected;
        }
        finally
        {
            pooled.Gate.Release();
        }
    }

    private async Task<GuestOutcome<T>> ConnectAsync<T>(SshEndpoint endpoint, Func<ConnectionInfo, T> create, CancellationToken cancellationToken)
        where T : BaseClient
    {
        var loaded = LoadKey();
        if (!loaded.Succeeded)
        {
            return GuestOutcome<T>.Failure(loaded.Error);
        }

        var info = new ConnectionInfo(endpoint.Host, endpoint.Port, endpoint.User, new PrivateKeyAuthenticationMethod(endpoint.User, loaded.Value))
        {
            Timeout = options.ConnectTimeout,
        };
        var client = create(info);
        string? refusal = null;
        client.HostKeyReceived += (_, e) =>
        {
            var decision = verifier.Verify(endpoint.Host, endpoint.Port, e.HostKey);
            e.CanTrust = decision.Trusted;
            refusal = decision.Refusal;
        };

        var started = timeProvider.GetTimestamp();
        try
        {
            // Not ConnectAsync: it resumes after the TCP connect on the socket engine's thread and then blocks that thread
            // until the key exchange is done, which needs the same thread to deliver the server's answer
            // (InlineSocketCompletions): every handshake would hang until the timeout. The blocking Connect, on a pool
            // thread, waits ConnectTimeout at most for each step of the handshake; it cannot be cancelled midway.
            await Task.Run(client.Connect, CancellationToken.None);
            Log.Connected(logger, endpoint.ToString(), timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return GuestOutcome<T>.Success(client);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && (SshErrors.IsTransport(exception) || exception is OperationCanceledException))
        {
            client.Dispose();
            var error = SshErrors.FromConnect(exception, endpoint, refusal);
            if (error.Kind == GuestErrorKind.HostKeyRefused)
            {
                Log.HostKeyRefused(logger, error.Message);
            }
            else
            {
                Log.ConnectFailed(logger, endpoint.ToString(), error.Kind.ToString(), error.Message);
            }

            return GuestOutcome<T>.Failure(error);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private GuestOutcome<PrivateKeyFile> LoadKey()
    {
        lock (keyLoading)
        {
            if (key is not null)
            {
                return GuestOutcome<PrivateKeyFile>.Success(key);
            }

            try
            {
                key = string.IsNullOrEmpty(options.KeyPassphrase)
                    ? new PrivateKeyFile(options.KeyFile)
                    : new PrivateKeyFile(options.KeyFile, options.KeyPassphrase);
                return GuestOutcome<PrivateKeyFile>.Success(key);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Renci.SshNet.Common.SshException or ArgumentException or FormatException)
            {
                // The exception type only: a parser's message could quote key material.
                return GuestOutcome<PrivateKeyFile>.Failure(
                    GuestErrorKind.AuthenticationFailed, $"cannot load the SSH key file {options.KeyFile} ({exception.GetType().Name})");
            }
        }
    }
}
