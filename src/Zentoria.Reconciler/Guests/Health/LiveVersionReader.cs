using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>Reads the version a service runs: from its health endpoint's JSON <c>version</c>, or from a probe command's output.</summary>
internal sealed class LiveVersionReader(HealthChecker checker)
{
    /// <summary>One attempt against the health endpoint; the version is whatever the answer carries, whatever its status.</summary>
    public async Task<LiveVersion> FromHealthEndpointAsync(HealthSpec spec, string address, int port, CancellationToken cancellationToken)
    {
        var attempt = await checker.ProbeOnceAsync(spec with { Type = HealthCheckKind.Http, ExpectVersion = false }, new HealthTarget(address, port, null), 1, cancellationToken);
        return attempt.Version is { } version ? new LiveVersion(version, null) : new LiveVersion(null, $"no version in the answer of {spec.Path}: {attempt.Detail}");
    }

    /// <summary>Runs a probe command (such as <c>cat /opt/zentoria/VERSION</c>); its first output line, trimmed, is the version.</summary>
    public static async Task<LiveVersion> FromCommandAsync(IGuestShell shell, GuestCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = await shell.RunAsync(command, timeout, cancellationToken);
        if (!outcome.Succeeded)
        {
            return new LiveVersion(null, outcome.Error.ToString());
        }

        var result = outcome.Value;
        var line = result.Stdout.Split('\n', 2)[0].Trim();
        return result.Succeeded && line.Length > 0
            ? new LiveVersion(line, null)
            : new LiveVersion(null, $"the version probe {(result.TimedOut ? "timed out" : $"exited {result.ExitCode}")} with no version: {result.Stderr.Trim().ReplaceLineEndings(" ")}");
    }
}
