using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Sandbox;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The sandbox's frontend (Canary, clone CT 420 at 127.0.2.220) a version behind, on the simulator, with its clone as
/// a guest of its own: a simulated service at its own loopback endpoint, installed by the same deploy script. Time is
/// a <see cref="FakeTimeProvider"/>: a step's interval passes when the test says so.
/// </summary>
internal sealed class CanaryStack : IAsyncDisposable
{
    public const string Frontend = "frontend";
    public const string Previous = ServiceStack.Previous;
    public const string Wanted = ServiceStack.Wanted;
    public const int CloneVmId = 420;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private CanaryStack(OperatorOnSimulator op, SimulatedGuests guests, SimulatedGuests clones, SimulatedService clone, FakeTimeProvider time)
    {
        (Operator, Guests, Clones, Clone, Time) = (op, guests, clones, clone, time);
    }

    public OperatorOnSimulator Operator { get; }

    public SimulatedGuests Guests { get; }

    public SimulatedGuests Clones { get; }

    /// <summary>The frontend as it runs in the clone.</summary>
    public SimulatedService Clone { get; }

    public SimulatedService Original => Guests.Service(Frontend)!;

    public FakeTimeProvider Time { get; }

    public FailedDeployments Failures => Operator.Host.Services.GetRequiredService<FailedDeployments>();

    public RolloutRequests Requests => Operator.Host.Services.GetRequiredService<RolloutRequests>();

    /// <summary>The upstream file the operator wrote on the proxy for the frontend.</summary>
    public string? UpstreamFile => Guests.Shell("nginx").Find("/etc/nginx/zentoria/frontend.conf") is { } file ? System.Text.Encoding.UTF8.GetString(file.Content.Span) : null;

    /// <param name="strategy">Replaces the frontend's strategy line of the sandbox's stack file.</param>
    public static async Task<CanaryStack> StartAsync(Action<SimulatedService>? prepareClone = null, string? strategy = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var guests = new SimulatedGuests(TimeProvider.System);
        var clones = new SimulatedGuests(TimeProvider.System);
        var op = await OperatorOnSimulator.StartAsync(
            seed: (cluster, desired) => SandboxSeed.Apply(cluster, desired, drifted: false),
            edit: copy =>
            {
                copy.Edit(ServiceStack.StackFile, "retries: 3", "retries: 1");
                if (strategy is not null)
                {
                    copy.Edit(ServiceStack.StackFile, "strategy: { cloneIp: 127.0.2.220/8, interval: 30s }", strategy);
                }
            },
            time: time,
            guests: new CloneGuests(guests, clones));
        var desired = op.Desired;
        SandboxGuests.AddServices(guests, desired, s => s.Version is null ? null : s.Name.Value == Frontend ? Previous : s.Version);
        var spec = desired.Services.Single(s => s.Name.Value == Frontend);
        var cloneContainer = BlueGreenSides.CloneOf(desired.FindContainer(spec.Container)!, spec.Strategy);
        var clone = clones.AddService(cloneContainer, spec, null);
        clones.Shell(cloneContainer.Name.Value).Handle(SandboxGuests.DeployScript, arguments => Install(clone, arguments));
        prepareClone?.Invoke(clone);
        await guests.StartServicesAsync(CancellationToken.None);
        await clones.StartServicesAsync(CancellationToken.None);
        return new CanaryStack(op, guests, clones, clone, time);
    }

    /// <summary>
    /// One pass, with the clock moving in small steps while it runs: Proxmox tasks are polled and failed health checks
    /// retried through the operator's clock. A pass moves it by a few seconds, well inside a step's interval.
    /// </summary>
    public async Task<PassResult> PassAsync()
    {
        var pass = Operator.PassAsync();
        for (var i = 0; i < 3000 && !pass.IsCompleted; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(pass, Task.Delay(5));
        }

        return await pass;
    }

    public bool CloneExists => Operator.Simulator.Cluster.FindContainer(CloneVmId) is not null;

    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync();
        await Guests.DisposeAsync();
        await Clones.DisposeAsync();
    }

    private static GuestCommandResult Install(SimulatedService clone, ImmutableArray<string> arguments)
    {
        clone.Version = arguments[^1];
        return new GuestCommandResult(0, $"{arguments[^1]} is running\n", "", false, false);
    }

    /// <summary>Every container's guest from the sandbox's guests, but clones (named <c>*-clone</c>) from their own.</summary>
    private sealed class CloneGuests(SimulatedGuests guests, SimulatedGuests clones) : IGuestShellProvider
    {
        public IGuestShell? ShellFor(ContainerSpec container) => IsClone(container) ? clones.ShellFor(container) : guests.ShellFor(container);

        public ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service) =>
            IsClone(container) ? clones.EndpointOf(container, service) : guests.EndpointOf(container, service);

        private static bool IsClone(ContainerSpec container) => container.Name.Value.EndsWith(BlueGreenSides.CloneSuffix, StringComparison.Ordinal);
    }
}
