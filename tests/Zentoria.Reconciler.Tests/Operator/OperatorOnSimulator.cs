using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The real operator (host, pass, client) against an in-process simulator on loopback, over a copy of the
/// repository's desired state with <c>--env sandbox</c> that a test may edit. Passes are driven by the test.
/// </summary>
internal sealed class OperatorOnSimulator : IAsyncDisposable
{
    public const string Environment = "sandbox";

    private readonly TemporaryFolder folder = new();
    private ProxmoxClientOptions proxmox = null!;
    private TimeProvider? clock;
    private IGuestShellProvider? shells;
    private Action<OperatorOptions>? configure;

    private OperatorOnSimulator() =>
        Logs = new FakeLogCollector(Microsoft.Extensions.Options.Options.Create(new FakeLogCollectorOptions { OutputSink = line => OnLog?.Invoke(line) }));

    public ProxmoxSimulator Simulator { get; private set; } = null!;

    public OperatorHost Host { get; private set; } = null!;

    public FakeLogCollector Logs { get; }

    /// <summary>Sees every log line as the operator writes it, on the operator's thread: a test's hook into a pass.</summary>
    public Action<string>? OnLog { get; set; }

    public string DesiredRoot => folder.File("desired-state");

    public string StateFolder => folder.File("state");

    public StatusStore Status => Host.Services.GetRequiredService<StatusStore>();

    public Desired Desired => DesiredStateLoader.Load(DesiredRoot, Environment).Desired!;

    /// <param name="seed">Fills the simulator from the unedited desired state; default: the sandbox's drifted seven containers.</param>
    /// <param name="edit">Changes the copied desired state before anything reads it.</param>
    /// <param name="time">The operator's clock (the simulator keeps real time, so its tasks end by themselves).</param>
    /// <param name="guests">The guest shells flag sets are read and written through; null leaves them "NotManaged".</param>
    /// <param name="options">Changes the operator's options (a webhook target, say) before each host is built.</param>
    public static async Task<OperatorOnSimulator> StartAsync(Action<SimulatedCluster, Desired>? seed = null, Action<OperatorOnSimulator>? edit = null, TimeProvider? time = null, IGuestShellProvider? guests = null, Action<OperatorOptions>? options = null)
    {
        var harness = new OperatorOnSimulator { configure = options };
        Copy(Path.Join(RepositoryRoot.Path, "desired-state"), harness.DesiredRoot);
        edit?.Invoke(harness);
        harness.Simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Port = 0, TaskDuration = TimeSpan.FromMilliseconds(50) }, CancellationToken.None);
        // Seeded from the repository's desired state, so a test's edits are drift the operator must correct.
        var original = DesiredStateLoader.Load(Path.Join(RepositoryRoot.Path, "desired-state"), Environment).Desired!;
        (seed ?? ((cluster, desired) => SandboxSeed.Apply(cluster, desired)))(harness.Simulator.Cluster, original);
        harness.proxmox = new ProxmoxClientOptions { BaseUrl = harness.Simulator.BaseUrl, ApiToken = harness.Simulator.Token };
        (harness.clock, harness.shells) = (time, guests);
        harness.Host = harness.BuildHost();
        return harness;
    }

    /// <summary>
    /// Throws the operator away and builds a new one over the same state folder, simulator and guests, as a restart
    /// after <c>kill -9</c> would find them: only what is on disk and in the live systems is left.
    /// </summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = BuildHost();
    }

    /// <summary>Rebuilds the operator with other guest shells, for shells that need the edited desired state to exist first.</summary>
    public Task UseGuestsAsync(IGuestShellProvider guests)
    {
        shells = guests;
        return RestartAsync();
    }

    private OperatorHost BuildHost()
    {
        var options = new OperatorOptions { Environment = Environment, Http = { Port = 0 }, State = { Directory = StateFolder } };
        configure?.Invoke(options);
        return OperatorHost.Build(options, services =>
        {
            ReconcilerWiring.Add(services, new DesiredStateSource(DesiredRoot, Environment), proxmox, shells);
            services.AddSingleton<ILoggerFactory>(new LoggerFactory([new FakeLoggerProvider(Logs)]));
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    /// <summary>One pass with every unit that is not Stalled made due first, as a trigger would.</summary>
    public Task<PassResult> PassAsync()
    {
        Host.Services.GetRequiredService<UnitScheduler>().ExpediteAll();
        return Host.Services.GetRequiredService<ReconcilePass>().RunAsync(CancellationToken.None);
    }

    public ReconcilerService Loop => Host.Services.GetServices<IHostedService>().OfType<ReconcilerService>().Single();

    public UnitStatus Service(string name) => Status.Find(new UnitKey(UnitKind.Service, name))
        ?? throw new InvalidOperationException($"No status for Service/{name}.");

    public UnitStatus Container(string name) => Status.Find(new UnitKey(UnitKind.Container, name))
        ?? throw new InvalidOperationException($"No status for Container/{name}.");

    public ContainerView Live(int vmid) => Simulator.Cluster.FindContainer(vmid) ?? throw new InvalidOperationException($"CT {vmid} does not exist.");

    public long Calls(string route) => Simulator.Requests.For(route);

    /// <summary>Replaces text in a file of the copied desired state, failing if it is not there.</summary>
    public void Edit(string relativePath, string find, string replaceWith)
    {
        var path = Path.Join(DesiredRoot, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{find}' is not in {relativePath}.");
        }

        File.WriteAllText(path, text.Replace(find, replaceWith, StringComparison.Ordinal));
    }

    /// <summary>Adds lines to the sandbox overlay of one container (its <c>network</c> line is the anchor).</summary>
    public void Overlay(string ip, string lines) =>
        Edit("environments/sandbox/stack.yaml", $"  network: {{ ip: {ip} }}", $"  network: {{ ip: {ip} }}\n{lines}");

    public ProxmoxClient Client() => ProxmoxClient.Create(new ProxmoxClientOptions { BaseUrl = Simulator.BaseUrl, ApiToken = Simulator.Token });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        folder.Dispose();
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Join(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Join(to, Path.GetFileName(directory)));
        }
    }
}
