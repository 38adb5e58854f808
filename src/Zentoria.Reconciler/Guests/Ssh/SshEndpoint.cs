namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>Where an SSH connection goes; connections are pooled by this key.</summary>
internal sealed record SshEndpoint(string Host, int Port, string User)
{
    public override string ToString() => $"{User}@{Host}:{Port}";
}
