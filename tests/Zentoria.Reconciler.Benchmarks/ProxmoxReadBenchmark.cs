using System.CommandLine;
using System.Globalization;
using System.Text;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary>
/// <c>proxmox-read</c>: one full read of the live state the operator needs each pass — <c>/cluster/resources</c>
/// plus every container's config — through the client at its per-node concurrency cap, against the simulator
/// adding a fixed latency to every request.
/// </summary>
internal static class ProxmoxReadBenchmark
{
    public static Command Create()
    {
        var containers = new Option<int[]>("--containers") { Description = "Container counts to read, one run each.", DefaultValueFactory = _ => [1_000, 10_000], AllowMultipleArgumentsPerToken = true };
        var nodes = new Option<int>("--nodes") { Description = "Nodes the containers are spread over.", DefaultValueFactory = _ => 4 };
        var latency = new Option<int>("--latency-ms") { Description = "Latency the simulator adds to every request, in milliseconds.", DefaultValueFactory = _ => 5 };
        var perNode = new Option<int>("--per-node") { Description = "Requests in flight per node (the client's MaxConcurrentRequestsPerNode).", DefaultValueFactory = _ => 3 };
        var inProcess = new Option<bool>("--in-process") { Description = "Run the simulator inside this process (allocations then include the simulator's)." };
        var command = new Command("proxmox-read", "Read /cluster/resources and every container config through the Proxmox client.")
        {
            containers, nodes, latency, perNode, inProcess,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new ReadSettings(parseResult.GetValue(nodes), TimeSpan.FromMilliseconds(parseResult.GetValue(latency)), parseResult.GetValue(perNode), parseResult.GetValue(inProcess));
            Console.WriteLine($"proxmox-read: {settings.Nodes} nodes, {settings.Latency.TotalMilliseconds} ms added per request, {settings.PerNode} requests in flight per node, simulator {(settings.InProcess ? "in this process" : "in its own process")}, HTTPS with pinning");
            Console.WriteLine($"{"containers",10} {"wall time",10} {"requests",9} {"req/s",8} {"p50",7} {"p99",7} {"allocated",12} {"per CT",9}");
            foreach (var count in parseResult.GetValue(containers)!)
            {
                var result = await RunAsync(count, settings, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{count,10} {result.Wall.TotalSeconds,9:0.00}s {result.Requests,9} {result.Requests / result.Wall.TotalSeconds,8:0} {result.P50.TotalMilliseconds,5:0.0}ms {result.P99.TotalMilliseconds,5:0.0}ms {result.AllocatedBytes / 1048576.0,9:0.0} MiB {result.AllocatedBytes / 1024.0 / count,6:0.0} KiB"));
            }

            return 0;
        });
        return command;
    }

    private static async Task<ReadResult> RunAsync(int count, ReadSettings settings, CancellationToken cancellationToken)
    {
        await using var server = await StartServerAsync(count, settings, cancellationToken);
        var requests = 0;
        var durations = new double[count + 100];
        using var client = ProxmoxClient.Create(
            new ProxmoxClientOptions
            {
                BaseUrl = server.Endpoint.BaseUrl,
                ApiToken = server.Endpoint.Token,
                CertificateFingerprint = server.Endpoint.Fingerprint,
                MaxConcurrentRequestsPerNode = settings.PerNode,
            },
            observer: completed =>
            {
                var index = Interlocked.Increment(ref requests) - 1;
                if (index < durations.Length)
                {
                    durations[index] = completed.Duration.TotalMilliseconds;
                }
            });

        // Warm up JIT and the connection pool on a few configs so the figure is the steady state.
        await ReadAllAsync(client, settings, 20, cancellationToken);
        Interlocked.Exchange(ref requests, 0);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = TimeProvider.System.GetTimestamp();
        var read = await ReadAllAsync(client, settings, int.MaxValue, cancellationToken);
        var wall = TimeProvider.System.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (read != count)
        {
            throw new InvalidOperationException($"read {read} configs, expected {count}");
        }

        var made = Volatile.Read(ref requests);
        var sorted = durations.AsSpan(0, Math.Min(made, durations.Length)).ToArray();
        Array.Sort(sorted);
        return new ReadResult(wall, made, allocated, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    private static async Task<int> ReadAllAsync(ProxmoxClient client, ReadSettings settings, int limit, CancellationToken cancellationToken)
    {
        var resources = await client.Cluster.GetContainersAsync(cancellationToken);
        var read = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Nodes * settings.PerNode, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(resources.Take(limit), parallel, async (resource, token) =>
        {
            var config = await client.Config.GetAsync(resource.Node!.Value, resource.VmId!.Value, token);
            if (config.Digest is not null)
            {
                Interlocked.Increment(ref read);
            }
        });
        return read;
    }

    private static async Task<IBenchmarkServer> StartServerAsync(int count, ReadSettings settings, CancellationToken cancellationToken)
    {
        if (settings.InProcess)
        {
            var simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { UseHttps = true, Latency = settings.Latency }, cancellationToken);
            for (var node = 2; node <= settings.Nodes; node++)
            {
                simulator.Cluster.AddNode(NodeName(node));
            }

            for (var i = 0; i < count; i++)
            {
                simulator.Cluster.AddContainer(new ContainerSeed { VmId = 1000 + i, Node = NodeName((i % settings.Nodes) + 1), Hostname = $"ct{1000 + i}", Running = i % 3 == 0, Tags = ["bench"] });
            }

            return new InProcessServer(simulator);
        }

        var scenario = Path.Combine(Path.GetTempPath(), $"zentoria-bench-{Environment.ProcessId}-{count}.yaml");
        await File.WriteAllTextAsync(scenario, Scenario(count, settings), cancellationToken);
        try
        {
            return new ExternalServer(await SimulatorProcess.StartAsync(scenario, cancellationToken));
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    private static string Scenario(int count, ReadSettings settings)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"latency: {settings.Latency.TotalMilliseconds}ms\nnodes:\n");
        for (var node = 1; node <= settings.Nodes; node++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: {NodeName(node)} }}\n");
        }

        yaml.Append("containers:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ vmid: {1000 + i}, node: {NodeName((i % settings.Nodes) + 1)}, hostname: ct{1000 + i}, status: {(i % 3 == 0 ? "running" : "stopped")}, tags: [bench] }}\n");
        }

        return yaml.ToString();
    }

    private static TimeSpan Percentile(double[] sortedMilliseconds, double fraction) =>
        sortedMilliseconds.Length == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(sortedMilliseconds[(int)Math.Min(sortedMilliseconds.Length - 1, Math.Floor(fraction * sortedMilliseconds.Length))]);

    private static string NodeName(int index) => index == 1 ? "pve" : $"pve{index}";
}
