namespace Zentoria.Reconciler.Sources;

/// <param name="Output">Standard output, cut at the runner's limit.</param>
/// <param name="Error">Standard error, cut at the runner's limit and redacted.</param>
internal sealed record GitCommandResult(int ExitCode, string Output, string Error, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
