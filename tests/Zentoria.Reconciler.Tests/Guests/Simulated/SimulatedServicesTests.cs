using System.Net;
using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Tests.Planning;

namespace Zentoria.Reconciler.Tests.Guests.Simulated;

/// <summary>The sandbox's simulated services: real HTTP on their container's loopback address, versions switched by the deploy script.</summary>
internal sealed class SimulatedServicesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public async Task A_service_answers_its_health_path_over_http_on_its_containers_loopback_address_with_its_version()
    {
        await using var guests = await StartAsync();
        var endpoint = guests.Service("api")!.Endpoint!;

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var health = await http.GetAsync(new Uri($"http://{endpoint}/health"));
        using var other = await http.GetAsync(new Uri($"http://{endpoint}/other"));

        var body = await health.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Address, Is.EqualTo("127.0.2.185"), "Linux lets any process bind 127.0.0.0/8");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("version").GetString(), Is.EqualTo("v1.0.0"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task The_deploy_script_switches_the_version_and_a_broken_version_answers_500()
    {
        await using var guests = await StartAsync();
        guests.Service("api")!.MarkBroken("v2.0.0");
        var shell = guests.Shell("backend");

        var deployed = await shell.RunAsync(GuestCommand.Of(SandboxGuests.DeployScript, "ghcr.io/example/api", "v2.0.0"), Timeout, CancellationToken.None);
        var unknown = await shell.RunAsync(GuestCommand.Of(SandboxGuests.DeployScript, "ghcr.io/example/other", "v2.0.0"), Timeout, CancellationToken.None);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var health = await http.GetAsync(new Uri($"http://{guests.Service("api")!.Endpoint}/health"));
        Assert.Multiple(() =>
        {
            Assert.That(deployed.Value!.ExitCode, Is.Zero);
            Assert.That(unknown.Value!.ExitCode, Is.EqualTo(1));
            Assert.That(guests.Service("api")!.Version, Is.EqualTo("v2.0.0"));
            Assert.That(shell.Find(SandboxGuests.VersionFile("api"))!.Content.ToArray(), Is.EqualTo("v2.0.0\n"u8.ToArray()));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        });
    }

    [Test]
    public async Task The_sandbox_migration_command_succeeds_with_nothing_to_apply()
    {
        await using var guests = await StartAsync();

        var migrated = await guests.Shell("backend").RunAsync(GuestCommand.Of("npx", "prisma", "migrate", "deploy"), Timeout, CancellationToken.None);

        Assert.That(migrated.Value!.ExitCode, Is.Zero);
        Assert.That(migrated.Value.Stdout, Does.Contain("No pending migrations"));
    }

    [Test]
    public async Task A_followed_guest_answers_only_while_its_container_runs_and_its_clone_answers_at_the_clones_address_with_its_own_version()
    {
        var cluster = new SimulatedCluster(TimeProvider.System, new Random(1), TimeSpan.Zero);
        cluster.AddNode("pve");
        var backend = Specs.Container("backend", 441);
        var api = Specs.Service("api", "backend") with { Strategy = new StrategySpec(StrategyKind.BlueGreen, new VmId(411), "127.0.2.211/8", [], TimeSpan.Zero) };
        await using var guests = new SimulatedGuests(TimeProvider.System);
        guests.Follow(cluster);
        SandboxGuests.AddServices(guests, Specs.Desired([backend], [api]), s => s.Version);
        await guests.StartServicesAsync(CancellationToken.None);
        var (original, clone) = (guests.Service("api")!, guests.CloneOf("api")!);

        var missing = await VersionAsync(original);
        cluster.AddContainer(new ContainerSeed { VmId = 441, Net0 = "name=eth0,bridge=vmbr0,ip=127.0.2.185/8" });
        var stopped = await VersionAsync(original);
        var shellWhileStopped = await guests.Shell("backend").RunAsync(GuestCommand.Of("true"), Timeout, CancellationToken.None);
        cluster.SetRunning(441, true);
        var running = await VersionAsync(original);
        var noClone = await VersionAsync(clone);
        cluster.AddContainer(new ContainerSeed { VmId = 411, Running = true, Net0 = "name=eth0,bridge=vmbr0,ip=127.0.2.211/8" });
        var cloned = await VersionAsync(clone);
        await guests.Shell("backend-clone").RunAsync(GuestCommand.Of(SandboxGuests.DeployScript, "ghcr.io/example/api", "v2.0.0"), Timeout, CancellationToken.None);
        var (cloneAfter, originalAfter) = (await VersionAsync(clone), await VersionAsync(original));

        Assert.Multiple(() =>
        {
            Assert.That((missing, stopped), Is.EqualTo(((string?)null, (string?)null)), "no answer from a missing or stopped container");
            Assert.That(shellWhileStopped.Error?.Kind, Is.EqualTo(Zentoria.Reconciler.Guests.GuestErrorKind.Unreachable));
            Assert.That(running, Is.EqualTo("v1.0.0"));
            Assert.That(noClone, Is.Null, "no clone yet");
            Assert.That(clone.Endpoint!.Address, Is.EqualTo("127.0.2.211"));
            Assert.That(cloned, Is.EqualTo("v1.0.0"), "a clone starts as a copy of the original");
            Assert.That(cloneAfter, Is.EqualTo("v2.0.0"));
            Assert.That(originalAfter, Is.EqualTo("v1.0.0"), "a deploy into the clone changes only the clone");
        });
    }

    /// <summary>The version the service's health endpoint answers, or null when nothing answers.</summary>
    private static async Task<string?> VersionAsync(SimulatedService service)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout };
        try
        {
            var body = await http.GetStringAsync(new Uri($"http://{service.Endpoint}/health"));
            return JsonDocument.Parse(body).RootElement.GetProperty("version").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<SimulatedGuests> StartAsync()
    {
        var backend = Specs.Container("backend", 441);
        var api = Specs.Service("api", "backend");
        var desired = Specs.Desired([backend], [api]);
        var guests = new SimulatedGuests(TimeProvider.System);
        SandboxGuests.AddServices(guests, desired, s => s.Version);
        await guests.StartServicesAsync(CancellationToken.None);
        return guests;
    }
}
