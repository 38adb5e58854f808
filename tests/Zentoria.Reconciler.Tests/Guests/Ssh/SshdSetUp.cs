namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>One sshd for every SSH test in this namespace, started on first use and stopped after the last test.</summary>
[SetUpFixture]
internal sealed class SshdSetUp
{
    private static readonly Lazy<RealSshd> Shared = new(RealSshd.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RealSshd Server => Shared.Value;

    [OneTimeTearDown]
    public void StopServer()
    {
        if (Shared.IsValueCreated)
        {
            Shared.Value.Dispose();
        }
    }
}
