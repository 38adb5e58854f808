using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Simulator.Timing;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary>
/// <c>reconcile-pass</c>: one whole operator pass (re-read the desired state, observe, plan, report) with zero
/// drift, against the simulator in its own process adding a fixed latency to every request.
/// </summary>
internal static class ReconcilePassBenchmark
{
    private const int Nodes = 4;

    /// <summary>Requests in flight: the observer's parallelism, capped by the client's per-node limit over the nodes.</summary>
    private static int InFlight => Math.Min(Zentoria.Reconciler.Reconciliation.Observe.LiveObserver.Parallelism, Nodes * new ProxmoxClientOptions().MaxConcurrentRequestsPerNode);

    public static Command Create()
    {
        var containers = new Option<int[]>("--containers") { Description = "Container counts, one run each.", DefaultValueFactory = _ => [10, 100, 1_000, 10_000], AllowMultipleArgumentsPerToken = true };
        var latency = new Option<int>("--latency-ms") { Description = "Latency the simulator adds to every request, in milliseconds.", DefaultValueFactory = _ => 5 };
        var passes = new Option<int>("--passes") { Description = "Passes measured per count, after the warm-up; the table shows their median.", DefaultValueFactory = _ => 5 };
        var command = new Command("reconcile-pass", "Time zero-drift operator passes: wall time, API calls, allocations, peak memory.")
        {
            containers, latency, passes,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var delay = TimeSpan.FromMilliseconds(parseResult.GetValue(latency));
            var measured = Math.Clamp(parseResult.GetValue(passes), 1, 50);
            Console.WriteLine($"reconcile-pass: zero drift, {Nodes} nodes, {delay.TotalMilliseconds} ms added per request, simulator in its own process (HTTPS, pinned); ideal = N x latency / requests in flight; median of {measured} passes");
            var (precise, system) = (await MeanDelayAsync(PreciseTimeProvider.Instance, delay), await MeanDelayAsync(TimeProvider.System, delay));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"the latency as added: a {delay.TotalMilliseconds} ms delay lasts {precise.TotalMilliseconds:0.00} ms on the simulator's timers ({system.TotalMilliseconds:0.00} ms on .NET's own)"));
            // "x added": against the latency the simulator's timers really add, which is a little over the nominal.
            Console.WriteLine($"{"containers",10} {"wall time",10} {"API calls",10} {"1+N",7} {"ideal",8} {"x ideal",8} {"x added",8} {"allocated",12} {"peak WS",10}");
            foreach (var count in parseResult.GetValue(containers)!)
            {
                var (wall, calls, allocated) = await RunAsync(count, delay, measured, cancellationToken);
                var ideal = count * delay.TotalSeconds / InFlight;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{count,10} {wall.TotalSeconds,9:0.00}s {calls,10} {1 + count,7} {ideal,7:0.00}s {wall.TotalSeconds / ideal,7:0.00}x {wall.TotalSeconds / (ideal * precise / delay),7:0.00}x {allocated / 1048576.0,9:0.0} MiB {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,7:0} MiB"));
            }

            return 0;
        });
        return command;
    }

    /// <returns>The median pass's wall time, and the API calls and bytes allocated per pass.</returns>
    private static async Task<(TimeSpan Wall, double Calls, long Allocated)> RunAsync(int count, TimeSpan latency, int passes, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"zentoria-pass-{Environment.ProcessId}-{count}");
        var root = Path.Combine(folder, "desired-state");
        WriteDesiredState(root, count);
        var scenario = Path.Combine(folder, "scenario.yaml");
        await File.WriteAllTextAsync(scenario, Scenario(count, latency), cancellationToken);
        try
        {
            await using var simulator = await SimulatorProcess.StartAsync(scenario, cancellationToken);
            var proxmox = new ProxmoxClientOptions
            {
                BaseUrl = simulator.Endpoint.BaseUrl,
                ApiToken = simulator.Endpoint.Token,
                CertificateFingerprint = simulator.Endpoint.Fingerprint,
            };
            var options = new OperatorOptions { Environment = "bench", Http = { Port = 0 }, State = { Directory = Path.Combine(folder, "state") } };
            await using var host = OperatorHost.Build(options, services =>
            {
                ReconcilerWiring.Add(services, new DesiredStateSource(root, "bench"), proxmox);
                services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            });
            var pass = host.Services.GetRequiredService<ReconcilePass>();
            var scheduler = host.Services.GetRequiredService<UnitScheduler>();
            var metrics = host.Services.GetRequiredService<OperatorMetrics>();

            // Warm-up passes check there is indeed no drift and bring the JIT (tiering) and the connections to the
            // steady state of a long-running operator: at least three passes, more while they take under 10 s in all.
            var warmUp = TimeProvider.System.GetTimestamp();
            for (var warmed = 0; warmed < 3 || (warmed < 50 && TimeProvider.System.GetElapsedTime(warmUp) < TimeSpan.FromSeconds(10)); warmed++)
            {
                scheduler.ExpediteAll();
                var warm = await pass.RunAsync(cancellationToken);
                if (warm.ActionsTaken != 0 || warm.Outcome != PassOutcome.Success)
                {
                    throw new InvalidOperationException($"warm-up pass {warmed + 1} was {warm}; the benchmark needs zero drift");
                }
            }

            // One pass varies with what else the machine runs (a virtual machine's neighbours too): the median of several
            // is the figure, and the spread and the time stolen by the hypervisor say how quiet the machine was.
            var callsBefore = await ProxmoxRequestFiguresAsync(metrics, cancellationToken);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var (operatorCpu, simulatorCpu) = (Process.GetCurrentProcess().TotalProcessorTime, simulator.ProcessorTime);
            var walls = new List<TimeSpan>(passes);
            var stolen = new List<double>(passes);
            for (var i = 0; i < passes; i++)
            {
                scheduler.ExpediteAll();
                var machineBefore = MachineTicks();
                var started = TimeProvider.System.GetTimestamp();
                var result = await pass.RunAsync(cancellationToken);
                walls.Add(TimeProvider.System.GetElapsedTime(started));
                stolen.Add(StolenShare(machineBefore, MachineTicks()));
                if (result.UnitsReconciled != count || result.ActionsTaken != 0)
                {
                    throw new InvalidOperationException($"measured pass {i + 1} was {result}");
                }
            }

            operatorCpu = (Process.GetCurrentProcess().TotalProcessorTime - operatorCpu) / passes;
            simulatorCpu = (simulator.ProcessorTime - simulatorCpu) / passes;
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / passes;
            var callsAfter = await ProxmoxRequestFiguresAsync(metrics, cancellationToken);
            var calls = (callsAfter.Calls - callsBefore.Calls) / passes;
            var requestSeconds = (callsAfter.Seconds - callsBefore.Seconds) / passes;
            walls.Sort();
            var wall = walls[walls.Count / 2];

            // Where the time goes: the desired-state load and the observation, each alone.
            // A pass re-reads the files and parses them only when they changed; "parse" is what a changed folder costs once.
            var feed = host.Services.GetRequiredService<DesiredStateFeed>();
            var loadStarted = TimeProvider.System.GetTimestamp();
            var desired = (await feed.LoadAsync(cancellationToken))!;
            var load = TimeProvider.System.GetElapsedTime(loadStarted);
            var parseStarted = TimeProvider.System.GetTimestamp();
            _ = Zentoria.Reconciler.DesiredState.Loading.DesiredStateLoader.Load(root, "bench");
            var parse = TimeProvider.System.GetElapsedTime(parseStarted);
            var listingStarted = TimeProvider.System.GetTimestamp();
            _ = await host.Services.GetRequiredService<ProxmoxClient>().Cluster.GetContainersAsync(cancellationToken);
            var listing = TimeProvider.System.GetElapsedTime(listingStarted);
            var observeStarted = TimeProvider.System.GetTimestamp();
            var observeAllocated = GC.GetTotalAllocatedBytes(precise: true);
            var live = await host.Services.GetRequiredService<Zentoria.Reconciler.Reconciliation.Observe.LiveObserver>().ObserveAsync(desired, cancellationToken);
            var observe = TimeProvider.System.GetElapsedTime(observeStarted);
            observeAllocated = GC.GetTotalAllocatedBytes(precise: true) - observeAllocated;
            var planStarted = TimeProvider.System.GetTimestamp();
            var plan = Zentoria.Reconciler.Planning.Planner.Plan(desired, live);
            _ = UnitWork.Of(desired, live, plan);
            var planning = TimeProvider.System.GetElapsedTime(planStarted);
            // On a shared 2-core machine the CPU both processes need per request bounds the wall time as much as the latency.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",10} {passes} passes: {string.Join(", ", walls.Select(w => w.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)))} s (sorted); stolen by the hypervisor during each, in pass order: {string.Join(", ", stolen.Select(p => p.ToString("0.0", CultureInfo.InvariantCulture)))} %"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",10} CPU per pass: operator {operatorCpu.TotalSeconds:0.00}s ({operatorCpu.TotalMilliseconds / count:0.000} ms per container), simulator {simulatorCpu.TotalSeconds:0.00}s ({simulatorCpu.TotalMilliseconds / count:0.000} ms per container), {Environment.ProcessorCount} cores; load average {LoadAverage()}"));
            // A request's slot is busy from the moment it is sent until its answer is parsed; the rest of each turn of a
            // slot (wall x slots / requests) is the reader between two requests and the pass around the reads.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",10} one request as the client times it: {requestSeconds * 1000 / calls:0.00} ms on average; one turn of a slot: {wall.TotalMilliseconds * InFlight / count:0.00} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",10} of which: load desired state {load.TotalMilliseconds:0.0} ms (parse and validate when changed {parse.TotalMilliseconds:0} ms), observe {observe.TotalMilliseconds:0.0} ms ({observeAllocated / 1048576.0:0.0} MiB allocated; the /cluster/resources read alone {listing.TotalMilliseconds:0.0} ms), plan {planning.TotalMilliseconds:0.0} ms"));
            return (wall, calls, allocated);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // 12 loops of delays at once, as many as the requests in flight, 100 delays each after a warm-up (the timer
    // thread's start and the JIT would otherwise count): the mean length of one delay.
    private static async Task<TimeSpan> MeanDelayAsync(TimeProvider time, TimeSpan delay)
    {
        const int Loops = 12, Delays = 100;
        await Task.Delay(delay, time);
        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Loops).Select(async _ =>
        {
            for (var i = 0; i < Delays; i++)
            {
                await Task.Delay(delay, time);
            }
        }));
        return TimeProvider.System.GetElapsedTime(started) / Delays;
    }

    // The first line of /proc/stat: CPU time of the whole machine in clock ticks (user, nice, system, idle, iowait,
    // irq, softirq, steal); null where there is none.
    private static long[]? MachineTicks() =>
        File.Exists("/proc/stat")
            ? File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray()
            : null;

    // On a virtual machine the hypervisor can run other guests on our cores: that time shows as steal, and a pass
    // measured while it was high is slower for reasons outside both processes.
    private static double StolenShare(long[]? before, long[]? after)
    {
        if (before is null || after is null)
        {
            return double.NaN;
        }

        var total = after.Sum() - before.Sum();
        return total == 0 ? 0 : 100.0 * (after[7] - before[7]) / total;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // The operator's own figures: zentoria_proxmox_requests_total summed over methods, routes and codes, and the
    // sum of zentoria_proxmox_request_duration_seconds (each request as the client times it, body and JSON included).
    private static async Task<(double Calls, double Seconds)> ProxmoxRequestFiguresAsync(OperatorMetrics metrics, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await metrics.WriteAsync(buffer, cancellationToken);
        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');
        static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        return (
            lines.Where(line => line.StartsWith("zentoria_proxmox_requests_total{", StringComparison.Ordinal)).Sum(Value),
            lines.Where(line => line.StartsWith("zentoria_proxmox_request_duration_seconds_sum", StringComparison.Ordinal)).Sum(Value));
    }

    private static void WriteDesiredState(string root, int count)
    {
        Directory.CreateDirectory(Path.Combine(root, "base"));
        Directory.CreateDirectory(Path.Combine(root, "environments", "bench"));
        File.WriteAllText(Path.Combine(root, "environments", "bench", "environment.yaml"), """
            apiVersion: zentoria.ai/v1
            kind: Environment
            metadata: { name: bench }
            spec:
              proxmox: { url: 'https://127.0.0.1:8006', tokenEnv: ZENTORIA_PROXMOX_TOKEN }
              prune: false
              approval: { required: false }

            """);
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: zentoria.ai/v1
                kind: Container
                metadata: {"{"} name: ct{1000 + i} {"}"}
                spec:
                  vmid: {1000 + i}
                  node: {NodeName((i % Nodes) + 1)}
                  hostname: ct{1000 + i}
                  state: {(i % 3 == 0 ? "running" : "stopped")}
                  onBoot: false
                  resources: {"{"} cores: 1, memoryMiB: 512, swapMiB: 512, diskGiB: 4 {"}"}
                  network: {"{"} ip: dhcp, bridge: vmbr0 {"}"}
                  tags: [bench]

                """);
        }

        File.WriteAllText(Path.Combine(root, "base", "containers.yaml"), yaml.ToString());
    }

    private static string Scenario(int count, TimeSpan latency)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"latency: {latency.TotalMilliseconds}ms\nnodes:\n");
        for (var node = 1; node <= Nodes; node++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: {NodeName(node)} }}\n");
        }

        yaml.Append("containers:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{ vmid: {1000 + i}, node: {NodeName((i % Nodes) + 1)}, hostname: ct{1000 + i}, status: {(i % 3 == 0 ? "running" : "stopped")}, diskGiB: 4, net0: 'name=eth0,bridge=vmbr0,ip=dhcp', tags: [bench, zentoria-managed] }}\n");
        }

        return yaml.ToString();
    }

    private static string NodeName(int index) => index == 1 ? "pve" : $"pve{index}";
}
