using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary>
/// <c>git-push-to-converged</c>: how long a one-line change takes from <c>git push</c> to every container Synced and
/// Healthy at the new commit, once with a signed webhook after each push and once by polling alone. The operator
/// and the simulator run in this process on loopback; the repository is a bare one on local disk.
/// </summary>
internal static class GitPushBenchmark
{
    private const string Environment = "sandbox";
    private const string Secret = "benchmark-webhook-secret";
    private const string Anchor = "  network: { ip: 127.0.2.250/8 }";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Pushes per mode.", DefaultValueFactory = _ => 10 };
        var poll = new Option<double>("--poll-seconds") { Description = "The polling interval for the polling mode (Source.Polling.Interval).", DefaultValueFactory = _ => 5 };
        var desiredState = new Option<string?>("--desired-state") { Description = "The desired-state folder to commit. Default: the repository's own, found upwards from here." };
        var command = new Command("git-push-to-converged", "Time from git push to converged, with a webhook and by polling.")
        {
            runs, poll, desiredState,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(desiredState) ?? FindDesiredState();
            var interval = TimeSpan.FromSeconds(parseResult.GetValue(poll));
            var count = parseResult.GetValue(runs);
            var folder = Path.Combine(Path.GetTempPath(), $"zentoria-git-push-{System.Environment.ProcessId}");
            try
            {
                var repository = Repository.Create(folder, source);
                await using var simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Port = 0, TaskDuration = TimeSpan.FromMilliseconds(200) }, cancellationToken);
                SandboxSeed.Apply(simulator.Cluster, DesiredStateLoader.Load(source, Environment).Desired!);
                Console.WriteLine($"git-push-to-converged: a one-line change (CT 410 memory) pushed to a bare repository on local disk, {count} pushes per mode;");
                Console.WriteLine("operator and simulator in this process on loopback; converged = every container Synced and Healthy at the pushed SHA.");
                Console.WriteLine($"{"mode",-22} {"median",8} {"p90",8} {"min",8} {"max",8}");
                var webhook = await MeasureAsync(repository, simulator, folder, "webhook", TimeSpan.FromHours(1), count, cancellationToken);
                Print("webhook", webhook);
                var polling = await MeasureAsync(repository, simulator, folder, "polling", interval, count, cancellationToken);
                Print($"polling every {interval.TotalSeconds:0.#} s", polling);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            return 0;
        });
        return command;
    }

    private static async Task<List<TimeSpan>> MeasureAsync(Repository repository, ProxmoxSimulator simulator, string folder, string mode, TimeSpan interval, int count, CancellationToken cancellationToken)
    {
        var state = Path.Combine(folder, "state-" + mode);
        Directory.CreateDirectory(state);
        await File.WriteAllTextAsync(Path.Combine(state, "webhook-secret"), Secret, cancellationToken);
        var options = new OperatorOptions
        {
            Environment = Environment,
            Http = { Port = 0 },
            State = { Directory = state },
            Source =
            {
                Kind = SourceKind.Git,
                Git = new GitSourceOptions { Repository = repository.Bare, Branch = "main", Path = "desired-state" },
                Polling = { Interval = interval },
                Webhook = { SecretFile = Path.Combine(state, "webhook-secret") },
            },
        };
        await using var host = OperatorHost.Build(options, services =>
        {
            ReconcilerWiring.Add(services, new DesiredStateSource(options.Source, Environment), new ProxmoxClientOptions { BaseUrl = simulator.BaseUrl, ApiToken = simulator.Token });
            services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        });
        await host.StartAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        var status = host.Services.GetRequiredService<StatusStore>();
        await UntilConvergedAsync(status, simulator, repository.Head(), null, cancellationToken);

        var times = new List<TimeSpan>();
        for (var run = 0; run < count; run++)
        {
            // A random pause spreads the pushes uniformly over the polling phase, as real pushes are; otherwise every
            // push would land just after the poll that found the previous one, the worst case.
            var spread = mode == "webhook" ? TimeSpan.FromSeconds(1) : interval;
            await Task.Delay(spread * Random.Shared.NextDouble(), cancellationToken);
            var memory = run % 2 == 0 ? 1536 : 1280;
            repository.Change(Anchor, $"{Anchor}\n  resources: {{ memoryMiB: {memory} }}");
            var started = TimeProvider.System.GetTimestamp();
            var sha = repository.CommitAndPush($"redis memory {memory}");
            if (mode == "webhook")
            {
                var body = Encoding.UTF8.GetBytes($$$"""{"ref":"refs/heads/main","after":"{{{sha}}}","repository":{"full_name":"bench/stack"}}""");
                using var request = new HttpRequestMessage(HttpMethod.Post, GitWebhookEndpoint.Route) { Content = new ByteArrayContent(body) };
                request.Headers.Add("X-GitHub-Event", "push");
                request.Headers.Add(GitWebhookHandler.SignatureHeader, WebhookSecret.Sign(Encoding.UTF8.GetBytes(Secret), body));
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
            }

            await UntilConvergedAsync(status, simulator, sha, memory, cancellationToken);
            times.Add(TimeProvider.System.GetElapsedTime(started));
            repository.Change($"{Anchor}\n  resources: {{ memoryMiB: {memory} }}", Anchor);
        }

        await host.StopAsync(CancellationToken.None);
        return times;
    }

    private static async Task UntilConvergedAsync(StatusStore status, ProxmoxSimulator simulator, string sha, int? memory, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < Deadline)
        {
            var snapshot = status.Snapshot;
            if (snapshot.Revision == sha && Convergence.Check(snapshot) == ConvergenceOutcome.Converged
                && snapshot.Units.Where(u => u.Kind == "Container").All(u => u.Revision == sha)
                && (memory is null || simulator.Cluster.FindContainer(410)?.Config["memory"] == memory.Value.ToString(CultureInfo.InvariantCulture)))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        throw new TimeoutException($"not converged at {sha} within {Deadline}");
    }

    private static void Print(string mode, List<TimeSpan> times)
    {
        var sorted = times.Select(t => t.TotalSeconds).Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode,-22} {At(0.5),7:0.000}s {At(0.9),7:0.000}s {sorted[0],7:0.000}s {sorted[^1],7:0.000}s"));
    }

    private static string FindDesiredState()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Zentoria.Reconciler.sln")))
            {
                return Path.Combine(directory.FullName, "desired-state");
            }
        }

        throw new InvalidOperationException("the repository's desired-state folder was not found; pass --desired-state");
    }

    /// <summary>A bare repository and a working clone, holding the desired state under <c>desired-state/</c>.</summary>
    private sealed record Repository(string Bare, string Work)
    {
        public static Repository Create(string folder, string desiredState)
        {
            var repository = new Repository(Path.Combine(folder, "origin.git"), Path.Combine(folder, "work"));
            Directory.CreateDirectory(folder);
            GitCli.Run(folder, "init", "--quiet", "--bare", "-b", "main", repository.Bare);
            GitCli.Run(folder, "init", "--quiet", "-b", "main", repository.Work);
            Copy(desiredState, Path.Combine(repository.Work, "desired-state"));
            repository.CommitAndPush("the stack");
            return repository;
        }

        private string Overlay => Path.Combine(Work, "desired-state", "environments", Environment, "stack.yaml");

        public void Change(string find, string replaceWith) =>
            File.WriteAllText(Overlay, File.ReadAllText(Overlay).Replace(find, replaceWith, StringComparison.Ordinal));

        public string CommitAndPush(string message)
        {
            GitCli.Run(Work, "add", "--all");
            GitCli.Run(Work, "commit", "--quiet", "-m", message);
            GitCli.Run(Work, "push", "--quiet", Bare, "HEAD:refs/heads/main");
            return Head();
        }

        public string Head() => GitCli.Run(Work, "rev-parse", "HEAD").Trim();

        private static void Copy(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
