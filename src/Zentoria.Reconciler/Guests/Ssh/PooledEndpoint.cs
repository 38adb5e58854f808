using Renci.SshNet;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>The connections of one endpoint, and the gate that keeps two callers from connecting twice.</summary>
internal sealed class PooledEndpoint
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SshClient? Exec { get; set; }

    public SftpClient? Sftp { get; set; }

    /// <summary>Disposes <paramref name="client"/> if it is still one of this endpoint's connections.</summary>
    public void Close(BaseClient? client)
    {
        if (client is null)
        {
            return;
        }

        if (ReferenceEquals(client, Exec))
        {
            Exec = null;
        }
        else if (ReferenceEquals(client, Sftp))
        {
            Sftp = null;
        }
        else
        {
            return;
        }

        client.Dispose();
    }
}
