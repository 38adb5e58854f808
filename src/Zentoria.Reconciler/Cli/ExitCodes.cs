namespace Zentoria.Reconciler.Cli;

/// <summary>What the process exit code means, for scripts and CI.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>plan</c>, nothing to change.</summary>
    public const int Ok = 0;

    /// <summary>The input is invalid or the command failed; the output says why.</summary>
    public const int Error = 1;

    /// <summary><c>plan</c> found changes to make.</summary>
    public const int Changes = 2;
}
