using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Sandbox;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The operator against the simulator with every container already as desired, and simulated guests whose services
/// answer /health over real HTTP on loopback. One service starts a version behind (<see cref="Behind"/>, the AI
/// orchestrator by default). Health checks make one attempt, so a failing release fails at once.
/// </summary>
internal sealed class ServiceStack : IAsyncDisposable
{
    public const string Orchestrator = "ai-orchestrator";
    public const string OrchestratorContainer = "ai";
    public const string Previous = SandboxSeed.StaleVersion;
    public const string Wanted = "v1.4.2";
    public const string StackFile = "environments/sandbox/stack.yaml";

    private ServiceStack(OperatorOnSimulator op, SimulatedGuests guests)
    {
        Operator = op;
        Guests = guests;
    }

    public OperatorOnSimulator Operator { get; }

    public SimulatedGuests Guests { get; }

    public SimulatedService Orchestrated => Guests.Service(Orchestrator)!;

    /// <param name="behind">The service that starts at <see cref="Previous"/>; null starts every one at its desired version.</param>
    /// <param name="edit">Changes the copied desired state before anything reads it.</param>
    /// <param name="prepare">Adjusts the guests (breaks a release, say) before their services start answering.</param>
    /// <param name="follow">
    /// Guests answer only while their container runs in the simulator, clones included, and every route starts on its
    /// service's own container (as in the sandbox); blue/green needs it.
    /// </param>
    /// <param name="options">Changes the operator's options before each host is built.</param>
    public static async Task<ServiceStack> StartAsync(string? behind = Orchestrator, Action<OperatorOnSimulator>? edit = null, Action<SimulatedGuests>? prepare = null, bool follow = false, Action<OperatorOptions>? options = null)
    {
        var guests = new SimulatedGuests(TimeProvider.System);
        var op = await OperatorOnSimulator.StartAsync(
            seed: (cluster, desired) => SandboxSeed.Apply(cluster, desired, drifted: false),
            edit: copy =>
            {
                copy.Edit(StackFile, "retries: 3", "retries: 1");
                edit?.Invoke(copy);
            },
            guests: guests,
            options: options);
        SandboxGuests.AddServices(guests, op.Desired, s => s.Version is null ? null : s.Name.Value == behind ? Previous : s.Version);
        prepare?.Invoke(guests);
        if (follow)
        {
            guests.Follow(op.Simulator.Cluster);
        }

        await guests.StartServicesAsync(CancellationToken.None);
        if (follow)
        {
            SandboxGuests.RouteToOriginals(guests, op.Desired);
        }

        return new ServiceStack(op, guests);
    }

    /// <summary>Adds lines under the AI orchestrator's document in the sandbox overlay (its health line is the anchor).</summary>
    public static void OverlayOrchestrator(OperatorOnSimulator op, string lines) =>
        op.Edit(StackFile, "metadata: { name: ai-orchestrator }\nspec:\n", $"metadata: {{ name: ai-orchestrator }}\nspec:\n{lines}\n");

    /// <summary>The versions the deploy script was asked for, in order, for one container.</summary>
    public IReadOnlyList<string> DeployedVersions(string container = OrchestratorContainer) =>
        [.. Guests.Shell(container).Commands.Where(c => c.Arguments[0] == SandboxGuests.DeployScript).Select(c => c.Arguments[^1])];

    public IReadOnlyList<GuestCommand> Commands(string container = OrchestratorContainer) => Guests.Shell(container).Commands;

    public FailedDeployments Failures => Operator.Host.Services.GetRequiredService<FailedDeployments>();

    public ServiceRetry Retry => Operator.Host.Services.GetRequiredService<ServiceRetry>();

    /// <summary>The audit lines of one unit, parsed.</summary>
    public IReadOnlyList<JsonElement> Audit(string unit)
    {
        var path = Path.Join(Operator.StateFolder, "audit.jsonl");
        return File.Exists(path)
            ? [.. File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("unit").GetString() == unit)]
            : [];
    }

    public Task<PassResult> PassAsync() => Operator.PassAsync();

    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync();
        await Guests.DisposeAsync();
    }
}
