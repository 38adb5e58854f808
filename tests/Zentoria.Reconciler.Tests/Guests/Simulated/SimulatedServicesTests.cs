using System.Net;
using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Sandbox;
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
