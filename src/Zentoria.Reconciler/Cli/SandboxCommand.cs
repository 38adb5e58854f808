using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Observe;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>sandbox</c>: the operator against an in-process Proxmox simulator, drifted on purpose; the README's first command.</summary>
internal static class SandboxCommand
{
    public const string Environment = "sandbox";

    /// <summary>Simulated tasks take this long, so the first convergence takes seconds.</summary>
    public static readonly TimeSpan TaskDuration = TimeSpan.FromMilliseconds(200);

    /// <summary>The sandbox checks often, so an edit to its desired state shows within seconds.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Exit after converging: 0 when every container, service and flag set is Synced and Healthy, 1 otherwise." };
        var scenario = new Option<string>("--scenario")
        {
            Description = "What the sandbox starts with: default (drift that converges) or broken-release (a release that fails its health checks and is rolled back).",
            HelpName = "name",
            DefaultValueFactory = _ => "default",
        };
        scenario.AcceptOnlyFromAmong([.. SandboxScenarios.ByName.Keys]);
        var json = new Option<bool>("--json") { Description = "With --once, print the final status JSON on stdout (the summary goes to stderr)." };
        var listen = CommonOptions.Listen();
        var desiredState = CommonOptions.DesiredState();
        var stateDir = CommonOptions.StateDirectory();
        var logFormat = CommonOptions.LogFormat();
        var timeout = CommonOptions.Timeout("2m");
        var tokenFile = CommonOptions.TokenFile();
        var tokenName = CommonOptions.TokenName();
        var notifyFile = CommonOptions.NotifyFile();
        var sources = new SourceCommandOptions();
        var command = new Command(
            "sandbox",
            """
            Try the operator with nothing else set up: a simulated Proxmox node runs inside this process, and the
            operator converges it to desired-state/ with --env sandbox.

            The simulator starts with the seven containers of the stack, drifted on purpose (CT 443 stopped, CT 441
            with half its memory, CT 444 missing), and simulated guests whose services answer /health over HTTP on
            loopback while their container runs: mcp-gateway runs v1.4.1 instead of v1.4.2, and the flags file has
            websocket-compression at 25 % instead of 50 %. The operator finds the drift and fixes it: mcp-gateway is
            released blue/green (clone CT 411 at 127.0.2.211, v1.4.2 deployed and checked there, the simulated NGINX
            switched to it, CT 441 updated, switched back, the clone destroyed). It prints a summary, and keeps running
            with /metrics and /status on loopback until Ctrl+C. Edit desired-state/environments/sandbox/
            and watch it converge again within seconds. Nothing leaves this machine.
            With --source git --repo <path or url> --branch main --path desired-state the sandbox follows a git
            repository instead (fetched every 5 s, or at once on a signed POST /webhook/git) and status shows the
            commit SHA it enforces.

            --scenario broken-release starts ai-orchestrator one version behind instead, with the desired version
            broken: its health checks fail, the previous version is redeployed, and the service ends Degraded with
            the reason (with --once the exit code is 1, as it should be). --scenario bad-canary starts the frontend
            (Canary) one version behind, and that version falls over after its first step: the analysis withdraws it
            (weights back to 100/0, clone destroyed) and status shows the rollout Failed with the analysis.

            Exit codes: 0 converged (or stopped with Ctrl+C), 1 could not start or, with --once, did not converge.
            Examples: zentoria-reconciler sandbox
                      zentoria-reconciler sandbox --once --json
                      zentoria-reconciler sandbox --scenario broken-release --once --json
            """)
        {
            once, json, scenario, listen, desiredState, stateDir, logFormat, timeout, tokenFile, tokenName, notifyFile,
        };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var asJson = parseResult.GetValue(json);
            var say = asJson ? error : output;
            if (!Durations.TryParse(parseResult.GetValue(timeout)!, out var deadline))
            {
                await error.WriteLineAsync($"error: --timeout '{parseResult.GetValue(timeout)}' is not a duration such as 90s or 5m");
                return ExitCodes.Error;
            }

            if (!OperatorLaunch.TryListen(parseResult.GetValue(listen)!, out var address, out var port))
            {
                await error.WriteLineAsync($"error: --listen '{parseResult.GetValue(listen)}' is not ADDRESS:PORT, such as {OperatorLaunch.DefaultListen}");
                return ExitCodes.Error;
            }

            var root = parseResult.GetValue(desiredState)!;
            if (sources.Build(parseResult, root, Interval, out var sourceProblem) is not { } source)
            {
                await error.WriteLineAsync($"error: {sourceProblem}");
                return ExitCodes.Error;
            }

            if (await OperatorLaunch.LoadDesiredAsync(source, Environment, parseResult.GetValue(stateDir), error, cancellationToken) is not { } desired)
            {
                return ExitCodes.Error;
            }

            await using var simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Port = 0, TaskDuration = TaskDuration }, cancellationToken);
            SandboxSeed.Apply(simulator.Cluster, desired);
            await using var guests = new SimulatedGuests(TimeProvider.System);
            guests.Follow(simulator.Cluster);
            SandboxSeed.ApplyGuests(guests, desired, SandboxScenarios.ByName[parseResult.GetValue(scenario)!]);
            await guests.StartServicesAsync(cancellationToken);
            SandboxGuests.RouteToOriginals(guests, desired);
            await say.WriteLineAsync($"Sandbox: a simulated Proxmox VE node at {simulator.BaseUrl} (in this process; its token is not shown).");

            var proxmox = new ProxmoxClientOptions { BaseUrl = simulator.BaseUrl, ApiToken = simulator.Token };
            var options = OperatorLaunch.Options(Environment, parseResult.GetValue(logFormat), address, port, parseResult.GetValue(stateDir),
                source, parseResult.GetValue(tokenFile), parseResult.GetValue(tokenName));
            if (!await OperatorLaunch.TryNotificationsAsync(options, parseResult.GetValue(notifyFile), error))
            {
                return ExitCodes.Error;
            }

            options.Scheduling.Interval = Interval;

            // Guests answer only once their container runs, so a service waits for its dependencies' containers to start.
            options.Scheduling.DependencyRequeue = TimeSpan.FromSeconds(1);
            await using var host = OperatorHost.Build(options, services => ReconcilerWiring.Add(services, new DesiredStateSource(source, Environment), proxmox, guests));
            var observer = host.Services.GetRequiredService<LiveObserver>();
            var live = await observer.ObserveAsync(desired, cancellationToken);
            await say.WriteAsync(SandboxSummary.Found(Planner.Plan(desired, live), desired.Containers.Length, live.Containers.Length));
            await say.WriteAsync(SandboxSummary.Services(guests.All));
            foreach (var proxy in desired.Services.Where(p => desired.Services.Any(s => s.Route?.Proxy == p.Name)))
            {
                var routed = desired.Services.Where(s => s.Route?.Proxy == proxy.Name).OrderBy(s => s.Strategy.Type != StrategyKind.BlueGreen).Select(s => s.Route!.Upstream);
                await say.WriteAsync(SandboxSummary.Routes(proxy.Name.Value, guests.Service(proxy.Name.Value)?.Endpoint, routed));
            }

            var time = host.Services.GetRequiredService<TimeProvider>();
            var started = time.GetTimestamp();
            if (!await OnceRun.StartAsync(host, error, cancellationToken))
            {
                return ExitCodes.Error;
            }

            var status = host.Services.GetRequiredService<StatusStore>();
            var outcome = await Convergence.WaitAsync(status, time, deadline, cancellationToken);
            var current = host.Services.GetRequiredService<DesiredStateFeed>().LastValid ?? desired;
            var left = Planner.Plan(current, await observer.ObserveAsync(current, cancellationToken)).Steps.Count(s => s.Unit.Kind == UnitKind.Container && s.IsActionable);
            await say.WriteAsync(SandboxSummary.Finished(outcome.ToString().ToLowerInvariant(), time.GetElapsedTime(started), status.Snapshot, left));
            if (parseResult.GetValue(once))
            {
                await host.StopAsync(CancellationToken.None);
                if (asJson)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(status.Snapshot, StatusJsonContext.Default.StatusSnapshot));
                }
                else
                {
                    await output.WriteAsync(StatusTable.Render(status.Snapshot));
                }

                return outcome == ConvergenceOutcome.Converged ? ExitCodes.Ok : ExitCodes.Error;
            }

            await say.WriteAsync(SandboxSummary.Running(host.Address));
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is the normal way to stop.
            }

            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        return command;
    }
}
