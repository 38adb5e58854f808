using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Cli;

/// <summary>Starts the operator, lets its loop run until the containers converge, stall or time out, and stops it.</summary>
internal static class OnceRun
{
    /// <returns>The outcome, or null when the operator could not start (the reason is on <paramref name="error"/>).</returns>
    public static async Task<ConvergenceOutcome?> ConvergeAsync(OperatorHost host, TimeSpan timeout, TextWriter error, CancellationToken cancellationToken)
    {
        if (!await StartAsync(host, error, cancellationToken))
        {
            return null;
        }

        try
        {
            var status = host.Services.GetRequiredService<StatusStore>();
            return await Convergence.WaitAsync(status, host.Services.GetRequiredService<TimeProvider>(), timeout, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    public static async Task<bool> StartAsync(OperatorHost host, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
            return true;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("error: invalid operator configuration: " + string.Join(" ", e.Failures));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync("error: the operator could not start: " + e.Message);
        }

        return false;
    }

    public static string Describe(ConvergenceOutcome? outcome) => outcome switch
    {
        ConvergenceOutcome.Converged => "converged: every container (and every service and flag set the operator manages) is Synced and Healthy",
        ConvergenceOutcome.Stalled => "stalled: a unit hit an error retrying cannot fix, or a release was rolled back (see the table)",
        ConvergenceOutcome.TimedOut => "not converged before the timeout (see the table)",
        _ => "did not start",
    };
}
