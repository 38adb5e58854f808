using System.CommandLine;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>run</c>: the operator itself, enforcing one environment until stopped.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var environment = CommonOptions.Environment();
        var desiredState = CommonOptions.DesiredState();
        var logFormat = CommonOptions.LogFormat();
        var listen = CommonOptions.Listen();
        var stateDir = CommonOptions.StateDirectory();
        var tokenFile = CommonOptions.TokenFile();
        var tokenName = CommonOptions.TokenName();
        var notifyFile = CommonOptions.NotifyFile();
        var sources = new SourceCommandOptions();
        var command = new Command(
            "run",
            """
            Run the operator: enforce one environment's desired state on its Proxmox node until Ctrl+C.

            Every pass (about every 30 s, at once after POST /reconcile) re-reads the desired-state folder, observes
            the containers on Proxmox, plans and applies what differs, and reports. If the folder becomes invalid,
            the last valid state keeps being enforced and /status shows the errors. The Proxmox API token comes from
            the environment's proxmox.tokenFile or proxmox.tokenEnv; it is never printed. With the environment's
            guests settings, services are deployed and health-checked and flag files written over SSH.
            With --source git the desired state comes from a repository instead: fetched every --poll-interval
            (60 s) and at once on a signed POST /webhook/git; status shows the commit SHA in force (docs/git-source.md).
            Watch it: http://127.0.0.1:9464/metrics, /status, or `zentoria-reconciler status`.

            Exit codes: 0 stopped on request, 1 bad configuration or invalid desired state at start, 3 crashed.
            Examples: ZENTORIA_PROXMOX_TOKEN=... zentoria-reconciler run --env staging
                      zentoria-reconciler run --env staging --source git --repo https://git.example.org/ops/stack.git \
                        --branch main --path desired-state --git-token-file /etc/zentoria/git-token
            """)
        {
            environment, desiredState, logFormat, listen, stateDir, tokenFile, tokenName, notifyFile,
        };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var root = parseResult.GetValue(desiredState)!;
            var env = parseResult.GetValue(environment)!;
            if (sources.Build(parseResult, root, defaultPollInterval: null, out var sourceProblem) is not { } source)
            {
                await error.WriteLineAsync($"error: {sourceProblem}");
                return ExitCodes.Error;
            }

            if (await OperatorLaunch.LoadDesiredAsync(source, env, parseResult.GetValue(stateDir), error, cancellationToken) is not { } desired)
            {
                return ExitCodes.Error;
            }

            if (OperatorLaunch.Endpoint(desired.Environment.Proxmox, System.Environment.GetEnvironmentVariable, out var problem) is not { } proxmox)
            {
                await error.WriteLineAsync($"error: environment '{env}': {problem}");
                return ExitCodes.Error;
            }

            if (!OperatorLaunch.TryListen(parseResult.GetValue(listen)!, out var address, out var port))
            {
                await error.WriteLineAsync($"error: --listen '{parseResult.GetValue(listen)}' is not ADDRESS:PORT, such as {OperatorLaunch.DefaultListen}");
                return ExitCodes.Error;
            }

            var guests = OperatorLaunch.Guests(desired.Environment, out var guestProblem);
            if (guestProblem is not null)
            {
                await error.WriteLineAsync($"error: environment '{env}': {guestProblem}");
                return ExitCodes.Error;
            }

            var options = OperatorLaunch.Options(env, parseResult.GetValue(logFormat), address, port, parseResult.GetValue(stateDir),
                source, parseResult.GetValue(tokenFile), parseResult.GetValue(tokenName));
            if (!await OperatorLaunch.TryNotificationsAsync(options, parseResult.GetValue(notifyFile), error))
            {
                return ExitCodes.Error;
            }

            await using var host = OperatorHost.Build(options, services => ReconcilerWiring.Add(services, new DesiredStateSource(source, env), proxmox, guests));
            return await host.RunAsync(cancellationToken);
        });
        return command;
    }
}
