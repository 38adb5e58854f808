namespace Zentoria.Reconciler.Hosting;

/// <summary>What <see cref="OperatorHost.RunAsync"/> returns; scripts and service managers rely on the values.</summary>
internal static class OperatorExitCodes
{
    /// <summary>Stopped on request (Ctrl+C, SIGTERM).</summary>
    public const int Stopped = 0;

    /// <summary>Invalid configuration or a start-up fault (port taken, unreadable journal).</summary>
    public const int StartFailed = 1;

    /// <summary>A background service crashed. .NET 10 would exit 0 here; see <see cref="OperatorHost.RunAsync"/>.</summary>
    public const int Crashed = 3;
}
