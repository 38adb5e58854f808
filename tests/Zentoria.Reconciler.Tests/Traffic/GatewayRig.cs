using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.Guests.Ssh;
using Zentoria.Reconciler.Tests.Operator;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// The backend's release path with real parts: the operator (in this process) against the simulator, guest commands
/// over a real sshd in <c>pct</c> mode, real backend processes at the containers' addresses, and a real NGINX whose
/// upstream file starts on the original CT 441 at <see cref="Previous"/>. For a canary: the operator's clock can be a
/// <see cref="FakeTimeProvider"/> (a step's interval passes when the test says so) and a real Prometheus can scrape
/// both backends with the label <c>service: mcp-gateway</c>, named in the desired state as <c>analysis.prometheus</c>.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class GatewayRig : IAsyncDisposable
{
    public const string Previous = "v1.4.1";
    public const string Next = "v1.4.2";

    /// <summary>Requests answered before the release starts, so it starts under load.</summary>
    private const int Warmup = 1_000;

    private static readonly NodeName Node = new("pve");
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan PrometheusStart = TimeSpan.FromSeconds(30);

    /// <summary>How far the fake clock moves per tick while a pass runs: Proxmox tasks are polled on it.</summary>
    private static readonly TimeSpan PassTick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan PassLimit = TimeSpan.FromSeconds(60);

    private SshGuestShellProvider? guests;
    private ProxmoxClient? client;

    private GuestBackends Backends { get; init; } = null!;

    public RealNginx Nginx { get; private init; } = null!;

    public RealSshd Sshd { get; private init; } = null!;

    /// <summary>Scrapes both backends; null unless asked for.</summary>
    public RealPrometheus? Prometheus { get; private init; }

    /// <summary>The operator's clock; null when it runs on real time.</summary>
    public FakeTimeProvider? Time { get; private init; }

    /// <summary>The Prometheus <c>instance</c> of a container's backend, such as <c>127.0.2.211:41797</c>.</summary>
    public string Instance(int vmid) => new UpstreamEndpoint(GuestBackends.Addresses[vmid], Backends.Port).ToString();

    public OperatorOnSimulator Operator { get; private set; } = null!;

    public string UpstreamPath => Path.Combine(Nginx.UpstreamDir, RealNginx.Upstream + ".conf");

    public bool CloneExists => Operator.Simulator.Cluster.FindContainer(GuestBackends.Clone) is not null;

    public bool CloneBackendRuns => Backends.Runs(GuestBackends.Clone);

    public int BackendsStoppedByWatch => Backends.StoppedByWatch;

    public UnitStatus Gateway => Operator.Service(GuestBackends.Service);

    /// <param name="installDelay">How long the deploy script's install takes, with the old process already stopped.</param>
    /// <param name="time">The operator's clock; passes move it while they run (<see cref="PassAsync"/>).</param>
    /// <param name="failingOnClone">The version that fails every tenth request in the clone (<see cref="GuestBackends"/>).</param>
    /// <param name="prometheus">Starts a real Prometheus scraping both backends and names it in the desired state.</param>
    /// <param name="configure">Changes the operator's options, such as a webhook target.</param>
    public static async Task<GatewayRig> StartAsync(
        StrategyKind strategy, TimeSpan installDelay, FakeTimeProvider? time = null, string? failingOnClone = null, bool prometheus = false, Action<OperatorOptions>? configure = null)
    {
        var backends = new GuestBackends(installDelay, failingOnClone);
        RealNginx? nginx = null;
        RealSshd? sshd = null;
        RealPrometheus? scraper = null;
        try
        {
            if (prometheus)
            {
                scraper = await RealPrometheus.StartAsync(GuestBackends.Addresses.Values.Select(a => (GuestBackends.Service, new UpstreamEndpoint(a, backends.Port).ToString())), PrometheusStart);
            }

            await backends.DeployAsync(GuestBackends.Original, Previous);
            var original = new UpstreamEndpoint(GuestBackends.Addresses[GuestBackends.Original], backends.Port);
            nginx = RealNginx.Start([(RealNginx.Upstream + ".conf", UpstreamFile.Render(UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Stable, original), new ServiceName(GuestBackends.Service)).Content!)]);
            sshd = RealSshd.Start();
            var rig = new GatewayRig { Backends = backends, Nginx = nginx, Sshd = sshd, Prometheus = scraper, Time = time };
            rig.Operator = await OperatorOnSimulator.StartAsync(
                seed: (cluster, desired) => SandboxSeed.Apply(cluster, desired, drifted: false),
                edit: copy => GatewayDesiredState.Apply(copy.DesiredRoot, nginx, backends, sshd, strategy, Previous, scraper?.BaseAddress),
                time: time,
                options: configure);
            var loaded = DesiredStateLoader.Load(rig.Operator.DesiredRoot, OperatorOnSimulator.Environment);
            if (!loaded.IsValid)
            {
                throw new InvalidOperationException("The rig's desired state is invalid: " + string.Join("; ", loaded.Errors));
            }

            var options = SshGuestOptions.From(loaded.Desired.Environment.Guests!, null);
            options.PctCommand = backends.PctCommand;
            rig.guests = SshGuestShellProvider.Create(loaded.Desired.Environment, options, TimeProvider.System, NullLoggerFactory.Instance);
            await rig.Operator.UseGuestsAsync(rig.guests);
            rig.client = rig.Operator.Client();
            backends.Watch(rig.client, Node);
            return rig;
        }
        catch
        {
            sshd?.Dispose();
            nginx?.Dispose();
            scraper?.Dispose();
            await backends.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs passes until the gateway is Synced and Healthy with no clone left, at most <paramref name="maxPasses"/>.</summary>
    /// <returns>The passes it took; more than <paramref name="maxPasses"/> if it never settled.</returns>
    public async Task<int> SettleAsync(int maxPasses)
    {
        for (var pass = 1; pass <= maxPasses; pass++)
        {
            await PassAsync();
            if (Gateway is { Sync: SyncStatus.Synced, Health: HealthStatus.Healthy } && !CloneExists)
            {
                return pass;
            }
        }

        return maxPasses + 1;
    }

    /// <summary>
    /// One pass. On a fake clock the clock moves in small ticks while it runs, as Proxmox tasks are polled and health
    /// checks time out through it: a pass moves it by a few seconds, well inside a canary step's interval.
    /// </summary>
    public async Task PassAsync()
    {
        var pass = Operator.PassAsync();
        if (Time is not null)
        {
            var limit = TimeProvider.System.GetTimestamp();
            while (!pass.IsCompleted && TimeProvider.System.GetElapsedTime(limit) < PassLimit)
            {
                Time.Advance(PassTick);
                await Task.WhenAny(pass, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
            }
        }

        await pass.WaitAsync(PassLimit, TimeProvider.System);
    }

    /// <summary>
    /// Starts keep-alive load through NGINX, lets it warm up, releases <see cref="Next"/>, and lets the load run to
    /// <paramref name="requests"/>: at most three times as many, and at most <see cref="LoadLimit"/>.
    /// </summary>
    public async Task<ReleaseUnderLoad> ReleaseUnderLoadAsync(int requests, int maxPasses)
    {
        using var load = new LoadLoop(Nginx.BaseAddress);
        using var finish = new CancellationTokenSource();
        var running = load.RunAsync(requests, 3 * requests, LoadLimit, finish.Token);
        using (var warmUp = new CancellationTokenSource(LoadLimit, TimeProvider.System))
        {
            while (load.Answered < Warmup && !running.IsCompleted && !warmUp.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, CancellationToken.None);
            }
        }

        var started = LoadLoop.Now();
        var passes = running.IsCompleted ? maxPasses + 1 : await ReleaseAsync(maxPasses);
        var ended = LoadLoop.Now();
        await finish.CancelAsync();
        return new ReleaseUnderLoad(await running, passes, started, ended);
    }

    /// <summary>The gateway's status, its audited actions and the operator's warnings, for failure messages.</summary>
    public string Describe()
    {
        var audit = Path.Join(Operator.StateFolder, "audit.jsonl");
        var warnings = Operator.Logs.GetSnapshot().Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).TakeLast(10).Select(r => r.Message);
        return $"{Gateway.Phase}: {Gateway.Message}\naudit:\n{(File.Exists(audit) ? File.ReadAllText(audit) : "")}\nwarnings:\n{string.Join('\n', warnings)}";
    }

    /// <summary>Asks for <see cref="Next"/> in the desired state and runs passes until the release settled.</summary>
    public Task<int> ReleaseAsync(int maxPasses)
    {
        GatewayDesiredState.Release(Operator.DesiredRoot, Previous, Next);
        return SettleAsync(maxPasses);
    }

    public async ValueTask DisposeAsync()
    {
        // The watch first: it reads the simulator through the client.
        await Backends.DisposeAsync();
        if (Operator is not null)
        {
            await Operator.DisposeAsync();
        }

        guests?.Dispose();
        client?.Dispose();
        Sshd.Dispose();
        Nginx.Dispose();
        Prometheus?.Dispose();
    }
}
