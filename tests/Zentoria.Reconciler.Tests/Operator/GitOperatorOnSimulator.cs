using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.Notifications;
using Zentoria.Reconciler.Tests.Sources;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The whole operator (host, loop, HTTP, git fetch loop, notifications) following a real git repository created
/// on disk, against the in-process simulator, on a <see cref="FakeTimeProvider"/> that the test moves on.
/// </summary>
/// <remarks>
/// The repository holds a copy of this repository's <c>desired-state</c> under <see cref="DesiredPath"/>; the
/// simulator starts drifted as the sandbox does. Simulated tasks end in real time but the client polls them on the
/// fake clock, so <see cref="UntilAsync"/> moves the clock in small steps while it waits.
/// </remarks>
internal sealed class GitOperatorOnSimulator : IAsyncDisposable
{
    public const string Environment = "sandbox";
    public const string DesiredPath = "desired-state";
    public const string Token = "git-operator-token-1c7e90";
    public const string WebhookSecret = "git-operator-webhook-secret-5b2d";
    public const string Overlay = "environments/sandbox/stack.yaml";

    private readonly TemporaryFolder folder = new();
    private OperatorOptions options = null!;

    private GitOperatorOnSimulator()
    {
    }

    public TestRepository Repository { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs { get; } = new();

    public ProxmoxSimulator Simulator { get; private set; } = null!;

    public OperatorHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public NotificationReceiver? Receiver { get; private set; }

    public string FirstCommit { get; private set; } = "";

    public string StateFolder => folder.File("state");

    public StatusStore Status => Host.Services.GetRequiredService<StatusStore>();

    public string? Revision => Status.Snapshot.Revision;

    /// <param name="edit">Changes the copied desired state before the first commit (files under <see cref="DesiredPath"/>).</param>
    /// <param name="configure">Changes the operator's options, such as the git source settings.</param>
    /// <param name="notify">Sends notifications to a local receiver (<see cref="Receiver"/>, path <c>hook</c>).</param>
    public static async Task<GitOperatorOnSimulator> StartAsync(Action<GitOperatorOnSimulator>? edit = null, Action<OperatorOptions>? configure = null, bool notify = false)
    {
        var harness = new GitOperatorOnSimulator();
        OperatorOnSimulator.Copy(Path.Join(RepositoryRoot.Path, "desired-state"), Path.Join(harness.Repository.Work, DesiredPath));
        edit?.Invoke(harness);
        harness.FirstCommit = harness.Repository.CommitAndPush("initial desired state");
        harness.Simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Port = 0, TaskDuration = TimeSpan.FromMilliseconds(20) }, CancellationToken.None);
        SandboxSeed.Apply(harness.Simulator.Cluster, DesiredStateLoader.Load(Path.Join(RepositoryRoot.Path, "desired-state"), Environment).Desired!);
        if (notify)
        {
            harness.Receiver = await NotificationReceiver.StartAsync();
        }

        harness.options = harness.Options(configure);
        await harness.StartHostAsync();
        return harness;
    }

    /// <summary>Stops the operator and starts a new one on the same state folder, repository and simulator.</summary>
    /// <param name="reconfigure">Changes the options for the new one.</param>
    public async Task RestartAsync(Action<OperatorOptions>? reconfigure = null)
    {
        reconfigure?.Invoke(options);
        Client.Dispose();
        await Host.DisposeAsync();
        await StartHostAsync();
    }

    public UnitStatus Container(string name) => Status.Find(new UnitKey(UnitKind.Container, name))
        ?? throw new InvalidOperationException($"No status for Container/{name}.");

    public ContainerView Live(int vmid) => Simulator.Cluster.FindContainer(vmid) ?? throw new InvalidOperationException($"CT {vmid} does not exist.");

    /// <summary>Whether every container is Synced and Healthy at <paramref name="revision"/>.</summary>
    public bool ConvergedAt(string revision) =>
        Revision == revision && Convergence.Check(Status.Snapshot) == ConvergenceOutcome.Converged
        && Status.Snapshot.Units.Where(u => u.Kind == "Container").All(u => u.Revision == revision);

    /// <summary>
    /// Moves the fake clock on by <paramref name="step"/> at a time (giving the operator a few real milliseconds
    /// each) until <paramref name="condition"/> holds or <paramref name="maxFakeTime"/> has passed on the fake clock.
    /// </summary>
    public async Task<bool> UntilAsync(Func<bool> condition, TimeSpan maxFakeTime, TimeSpan? step = null)
    {
        var end = Time.GetUtcNow() + maxFakeTime;
        for (var turn = 0; turn < 50_000; turn++)
        {
            if (condition())
            {
                return true;
            }

            if (Time.GetUtcNow() >= end)
            {
                return false;
            }

            // About five fake seconds per real one, so real work (git, HTTP) stays short on the fake clock too.
            Time.Advance(step ?? TimeSpan.FromMilliseconds(50));
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        return condition();
    }

    /// <summary>Replaces text in one desired-state file of the working clone, commits and pushes; returns the SHA.</summary>
    public string Commit(string relativePath, string find, string replaceWith, string message)
    {
        Edit(relativePath, find, replaceWith);
        return Repository.CommitAndPush(message);
    }

    public void Edit(string relativePath, string find, string replaceWith)
    {
        var path = Path.Join(Repository.Work, DesiredPath, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{find}' is not in {relativePath}.");
        }

        File.WriteAllText(path, text.Replace(find, replaceWith, StringComparison.Ordinal));
    }

    /// <summary>Adds lines to the sandbox overlay of one container (its <c>network</c> line is the anchor).</summary>
    public string CommitOverlay(string ip, string lines, string message) =>
        Commit(Overlay, $"  network: {{ ip: {ip} }}", $"  network: {{ ip: {ip} }}\n{lines}", message);

    /// <summary>A GitHub-style push to main, signed with <paramref name="secret"/> (null: unsigned).</summary>
    public async Task<HttpResponseMessage> WebhookAsync(string? secret = WebhookSecret)
    {
        using var request = GitPush.Request(GitWebhookEndpoint.Route, Repository.Head(), secret);
        return await Client.SendAsync(request);
    }

    /// <summary>A state-changing call with the operator's token, such as <c>POST /approve/p-…</c>.</summary>
    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return await Client.SendAsync(request);
    }

    public Task<string> MetricsAsync() => Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    /// <summary>The lines of the audit trail, parsed.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Audit() =>
        File.Exists(Path.Join(StateFolder, "audit.jsonl"))
            ? [.. File.ReadAllLines(Path.Join(StateFolder, "audit.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)]
            : [];

    /// <summary>What the status says, for assertion messages.</summary>
    public string Describe() => System.Text.Json.JsonSerializer.Serialize(Status.Snapshot, StatusJsonContext.Default.StatusSnapshot);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        Repository.Dispose();
        folder.Dispose();
    }

    private async Task StartHostAsync()
    {
        Host = OperatorHost.Build(options, services =>
        {
            ReconcilerWiring.Add(services, new DesiredStateSource(options.Source, Environment),
                new ProxmoxClientOptions { BaseUrl = Simulator.BaseUrl, ApiToken = Simulator.Token });
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<Randomizer>(() => 0.5);
            services.AddSingleton<ILoggerFactory>(new LoggerFactory([new FakeLoggerProvider(Logs)]));
        });
        await Host.StartAsync();
        Client = new HttpClient { BaseAddress = Host.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    private OperatorOptions Options(Action<OperatorOptions>? configure)
    {
        File.WriteAllText(folder.File("release-bot.token"), Token + "\n");
        File.WriteAllText(folder.File("webhook-secret"), WebhookSecret + "\n");
        var built = new OperatorOptions
        {
            Environment = Environment,
            Http = { Port = 0, TokenFile = folder.File("release-bot.token") },
            State = { Directory = StateFolder },
            Source =
            {
                Kind = SourceKind.Git,
                Git = new GitSourceOptions { Repository = Repository.Bare, Branch = "main", Path = DesiredPath },
                Webhook = { SecretFile = folder.File("webhook-secret") },
            },
        };
        if (Receiver is not null)
        {
            built.Notifications.Webhooks.Add(new NotificationTarget { Url = Receiver.Url("hook") });
        }

        configure?.Invoke(built);
        return built;
    }
}
