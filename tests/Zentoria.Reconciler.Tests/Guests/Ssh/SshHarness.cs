using Microsoft.Extensions.Logging.Testing;
using Zentoria.Reconciler.Guests.Ssh;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>An <see cref="SshGuestShell"/> with its own pool, pointed at the test sshd; by default pinned to its ed25519 host key.</summary>
internal sealed class SshHarness : IDisposable
{
    public SshHarness(RealSshd server, Action<SshGuestOptions>? configure = null, Func<SshEndpoint, GuestTarget>? target = null)
    {
        Options = new SshGuestOptions { KeyFile = server.ClientEd25519Key, PinnedFingerprint = server.HostFingerprint("ed25519") };
        configure?.Invoke(Options);
        Endpoint = new SshEndpoint(RealSshd.Host, server.Port, RealSshd.User);
        Pool = new SshConnectionPool(Options, new HostKeyVerifier(Options, Logger), TimeProvider.System, Logger);
        Shell = new SshGuestShell((target ?? GuestTarget.Direct)(Endpoint), Pool, Options, TimeProvider.System, Logger);
    }

    public SshGuestOptions Options { get; }

    public SshEndpoint Endpoint { get; }

    public FakeLogger Logger { get; } = new();

    public SshConnectionPool Pool { get; }

    public SshGuestShell Shell { get; }

    public void Dispose() => Pool.Dispose();
}
