using System.CommandLine;
using System.Globalization;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Tests.Traffic;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary>
/// <c>bluegreen-vs-rolling</c>: the backend released under keep-alive load through a real NGINX, once blue/green through
/// the clone CT 411 and once rolling (in place), with the integration tests' rig (<c>Traffic/GatewayRig</c>, linked):
/// the operator in this process against the simulator, guest commands over a real sshd, real backend processes.
/// </summary>
internal static class BlueGreenVsRollingBenchmark
{
    private const int MaxPasses = 6;

    public static Command Create()
    {
        var requests = new Option<int>("--requests") { Description = "Requests per run, at least (the issue asks for 20,000).", DefaultValueFactory = _ => 20_000 };
        var install = new Option<int>("--install-ms") { Description = "How long the deploy script's install takes with the old process stopped.", DefaultValueFactory = _ => 300 };
        var command = new Command("bluegreen-vs-rolling", "Release the backend under load through a real NGINX, blue/green and rolling, and print what clients saw.") { requests, install };
        command.SetAction(async (parseResult, _) =>
        {
            if (!OperatingSystem.IsLinux())
            {
                await Console.Error.WriteLineAsync("bluegreen-vs-rolling needs Linux: nginx, sshd and python3 from Debian's packages, and loopback addresses 127.0.2.x.");
                return 2;
            }

            var count = parseResult.GetValue(requests);
            var installDelay = TimeSpan.FromMilliseconds(parseResult.GetValue(install));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bluegreen-vs-rolling: {GatewayRig.Previous} -> {GatewayRig.Next} under at least {count:N0} requests from 4 keep-alive clients through NGINX; install {installDelay.TotalMilliseconds:0} ms"));
            Console.WriteLine("| strategy | requests | failed | resent | longest gap | switch time | release (operator) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            var settled = true;
            var details = new List<string>();
            foreach (var (name, strategy) in new[] { ("blue/green", StrategyKind.BlueGreen), ("rolling", StrategyKind.Rolling) })
            {
                await using var rig = await GatewayRig.StartAsync(strategy, installDelay);
                settled &= await rig.SettleAsync(MaxPasses) <= MaxPasses;
                var run = await rig.ReleaseUnderLoadAsync(count, MaxPasses);
                settled &= run.Passes <= MaxPasses;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {run.Load.Requests:N0} | {run.Load.Failures:N0} | {run.Load.Retried:N0} | {run.Load.LongestGap.TotalMilliseconds:0} ms | {run.SwitchTime?.TotalMilliseconds ?? 0:0} ms | {run.ReleaseTime.TotalMilliseconds:0} ms in {run.Passes} pass(es) |"));
                details.Add(run.Describe(name));
            }

            details.ForEach(Console.WriteLine);

            Console.WriteLine("resent: sent again once because the keep-alive connection closed before any answer (NGINX closes idle ones at a reload); longest gap: the longest time no request succeeded; switch time: from the release's start until every answer came from the new version.");
            return settled ? 0 : 1;
        });
        return command;
    }
}
