using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>
/// Runs a service's health check: up to <see cref="HealthSpec.Retries"/> attempts (the desired state's
/// <c>retries</c> counts attempts, at least 1), <see cref="HealthSpec.Interval"/>
/// apart, each bounded by <see cref="HealthSpec.Timeout"/>, stopping at the first that passes.
/// </summary>
/// <remarks>Waits go through the injected <see cref="TimeProvider"/>, so tests drive the interval with a fake clock.</remarks>
internal sealed class HealthChecker(HttpClient http, TimeProvider timeProvider, ILogger logger)
{
    public async Task<HealthReport> CheckAsync(HealthSpec spec, HealthTarget target, CancellationToken cancellationToken)
    {
        var attemptsAllowed = Math.Max(1, spec.Retries);
        var attempts = ImmutableArray.CreateBuilder<HealthAttempt>(attemptsAllowed);
        string? reportedVersion = null;
        for (var number = 1; number <= attemptsAllowed; number++)
        {
            var attempt = await ProbeOnceAsync(spec, target, number, cancellationToken);
            attempts.Add(attempt);
            reportedVersion = attempt.Version ?? reportedVersion;
            if (attempt.Healthy)
            {
                Log.Healthy(logger, Describe(target), number, attempt.Detail);
                return new HealthReport(true, attempts.ToImmutable(), reportedVersion);
            }

            Log.AttemptFailed(logger, Describe(target), number, attemptsAllowed, attempt.Detail);
            if (number < attemptsAllowed)
            {
                await Task.Delay(spec.Interval, timeProvider, cancellationToken);
            }
        }

        return new HealthReport(false, attempts.ToImmutable(), reportedVersion);
    }

    /// <summary>One attempt, bounded by the spec's timeout; a timeout is an unhealthy attempt, not an exception.</summary>
    public async Task<HealthAttempt> ProbeOnceAsync(HealthSpec spec, HealthTarget target, int number, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(spec.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return spec.Type switch
            {
                HealthCheckKind.Http => await HttpHealthProbe.ProbeAsync(
                    http, HttpHealthProbe.Url(target.Address, target.Port, spec.Path), spec.ExpectStatus, spec.ExpectVersion ? target.DesiredVersion : null, number, linked.Token),
                HealthCheckKind.Tcp => await TcpHealthProbe.ProbeAsync(target.Address, target.Port, number, linked.Token),
                HealthCheckKind.Command when target is { Shell: { } shell, Command: { } command } =>
                    await CommandHealthProbe.ProbeAsync(shell, command, spec.Timeout, number, cancellationToken),
                _ => new HealthAttempt(number, false, "a command health check needs a guest shell and a command"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthAttempt(number, false, $"no answer within {spec.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
    }

    private static string Describe(HealthTarget target) => $"{target.Address}:{target.Port.ToString(CultureInfo.InvariantCulture)}";
}
