namespace Zentoria.Reconciler.DesiredState;

/// <summary>How to tell that a service works. Defaults follow the seed: 5 retries, 10 s apart.</summary>
/// <param name="Path">The HTTP path for <see cref="HealthCheckKind.Http"/>, such as <c>/health</c>.</param>
/// <param name="ExpectStatus">The HTTP status code that means healthy.</param>
/// <param name="ExpectVersion">The JSON <c>version</c> field of the answer must equal the desired version.</param>
/// <param name="Command">The command for <see cref="HealthCheckKind.Command"/>; exit 0 means healthy.</param>
internal sealed record HealthSpec(
    HealthCheckKind Type,
    string Path,
    int ExpectStatus,
    bool ExpectVersion,
    int Retries,
    TimeSpan Interval,
    TimeSpan Timeout,
    CommandTemplate? Command)
{
    public static readonly HealthSpec Default =
        new(HealthCheckKind.Http, "/health", 200, false, 5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), null);
}
