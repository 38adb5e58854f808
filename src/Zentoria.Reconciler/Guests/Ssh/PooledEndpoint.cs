using Renci.SshNet;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>The connections of one endpoint, and the gate that keeps two callers from connecting twice.</summary>
internal sealed class PooledEndpoint
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SshClient? Exec { get; set; }

    public SftpClient? Sftp { get; set; }

    public void Close()
    {
        Exec?.Dispose();
        Exec = null;
        Sftp?.Dispose();
        Sftp = null;
    }
}
