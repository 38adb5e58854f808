using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>apply --once</c>: converge one environment, then exit with whether it worked.</summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var environment = CommonOptions.Environment();
        var desiredState = CommonOptions.DesiredState();
        var logFormat = CommonOptions.LogFormat();
        var stateDir = CommonOptions.StateDirectory();
        var timeout = CommonOptions.Timeout("5m");
        var once = new Option<bool>("--once")
        {
            Description = "Required: run passes until converged, stalled or timed out, then exit (use run to keep enforcing).",
        };
        var command = new Command(
            "apply",
            """
            Make one environment match its desired state once, then exit; for scripts and CI.

            apply runs the operator's passes (observe, plan, act) until every container is Synced and Healthy, one
            is Stalled (an error retrying cannot fix, such as shrinking a disk), or --timeout passes, and prints the
            status table. With the environment's guests settings, services and feature flags count too (over SSH).
            The Proxmox API token comes from the environment's proxmox.tokenFile or proxmox.tokenEnv.

            Exit codes: 0 converged, 1 bad configuration, stalled or timed out.
            Example: zentoria-reconciler apply --env staging --once --timeout 10m
            """)
        {
            environment, once, desiredState, timeout, logFormat, stateDir,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            if (!parseResult.GetValue(once))
            {
                await error.WriteLineAsync("error: apply needs --once (to keep enforcing, use run)");
                return ExitCodes.Error;
            }

            if (!Durations.TryParse(parseResult.GetValue(timeout)!, out var deadline))
            {
                await error.WriteLineAsync($"error: --timeout '{parseResult.GetValue(timeout)}' is not a duration such as 90s or 5m");
                return ExitCodes.Error;
            }

            var (root, env) = (parseResult.GetValue(desiredState)!, parseResult.GetValue(environment)!);
            if (OperatorLaunch.LoadDesired(root, env, error) is not { } desired)
            {
                return ExitCodes.Error;
            }

            if (OperatorLaunch.Endpoint(desired.Environment.Proxmox, System.Environment.GetEnvironmentVariable, out var problem) is not { } proxmox)
            {
                await error.WriteLineAsync($"error: environment '{env}': {problem}");
                return ExitCodes.Error;
            }

            var guests = OperatorLaunch.Guests(desired.Environment, out var guestProblem);
            if (guestProblem is not null)
            {
                await error.WriteLineAsync($"error: environment '{env}': {guestProblem}");
                return ExitCodes.Error;
            }

            // Port 0: a one-shot apply must not collide with a running operator's endpoint.
            var options = OperatorLaunch.Options(env, parseResult.GetValue(logFormat), "127.0.0.1", 0, parseResult.GetValue(stateDir));
            options.Scheduling.Interval = TimeSpan.FromSeconds(2);
            await using var host = OperatorHost.Build(options, services => ReconcilerWiring.Add(services, new DesiredStateSource(root, env), proxmox, guests));
            var outcome = await OnceRun.ConvergeAsync(host, deadline, error, cancellationToken);
            if (outcome is null)
            {
                return ExitCodes.Error;
            }

            await output.WriteAsync(StatusTable.Render(host.Services.GetRequiredService<StatusStore>().Snapshot));
            await output.WriteLineAsync($"apply: {OnceRun.Describe(outcome)}");
            return outcome == ConvergenceOutcome.Converged ? ExitCodes.Ok : ExitCodes.Error;
        });
        return command;
    }
}
