using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>The desired state shipped in the repository loads for every environment.</summary>
internal sealed class ShippedDesiredStateTests
{
    private static string Root => Path.Join(RepositoryRoot.Path, "desired-state");

    private static Desired Load(string environment)
    {
        var result = DesiredStateLoader.Load(Root, environment);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Desired!;
    }

    [TestCase("production")]
    [TestCase("staging")]
    [TestCase("sandbox")]
    public void Each_environment_loads_with_the_seven_containers_and_the_seed_services(string environment)
    {
        var desired = Load(environment);

        Assert.Multiple(() =>
        {
            Assert.That(desired.Environment.Name, Is.EqualTo(environment));
            Assert.That(desired.Containers.Select(c => c.Name.Value),
                Is.EqualTo(new[] { "ai", "backend", "frontend", "nginx", "postgres", "qdrant", "redis" }));
            Assert.That(desired.Services.Select(s => s.Name.Value),
                Is.EqualTo(new[] { "ai-orchestrator", "frontend", "mcp-gateway", "nginx", "postgres", "qdrant", "redis" }));
            Assert.That(desired.FeatureFlags.Single().Flags.Select(f => f.Name),
                Is.EqualTo(new[] { "chat-v2", "new-vector-db", "rag-search", "websocket-compression" }));
        });
    }

    [TestCase("production")]
    [TestCase("staging")]
    [TestCase("sandbox")]
    public async Task The_validate_verb_accepts_each_environment_with_a_one_line_summary(string environment)
    {
        var run = await ValidateRun.InvokeAsync("--env", environment, "--desired-state", Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Output, Does.Match($"^{environment}: valid; 16 documents, 7 containers, 7 services, 4 flags, revision [0-9a-f]{{12}}\n$"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void Production_has_the_backend_at_vmid_441_with_4096_MiB_and_its_real_address()
    {
        var backend = Load("production").FindContainer(new ContainerName("backend"))!;

        Assert.That(backend.VmId, Is.EqualTo(new VmId(441)));
        Assert.That(backend.Resources.MemoryMiB, Is.EqualTo(4096));
        Assert.That(backend.Network.Ip, Is.EqualTo("192.168.220.241/24"));
        Assert.That(backend.Network.Bridge, Is.EqualTo("vmbr0"), "kept from base while the address came from the overlay");
    }

    [Test]
    public void Production_takes_the_seed_services_strategies_and_migrations_from_base()
    {
        var desired = Load("production");
        var gateway = desired.FindService(new ServiceName("mcp-gateway"))!;
        var frontend = desired.FindService(new ServiceName("frontend"))!;

        Assert.That(gateway.Strategy.Type, Is.EqualTo(StrategyKind.BlueGreen));
        Assert.That(gateway.Strategy.CloneVmId, Is.EqualTo(new VmId(411)));
        Assert.That(gateway.Strategy.CloneIp, Is.EqualTo("192.168.220.211/24"));
        Assert.That(gateway.Migrations!.Backup.SnapshotOf, Is.EqualTo(new ContainerName("postgres")));
        Assert.That(gateway.Deploy!.Arguments, Is.EqualTo(new[] { "/opt/zentoria/deploy.sh", "{image}", "{version}" }));
        Assert.That(gateway.DependsOn, Is.EqualTo(new[] { new ServiceName("postgres"), new ServiceName("redis") }));
        Assert.That(frontend.Strategy.Steps, Is.EqualTo(new[] { 5, 25, 100 }));
        Assert.That(frontend.Strategy.Interval, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That((gateway.Strategy.ProgressDeadline, gateway.Strategy.KeepClone), Is.EqualTo((TimeSpan.FromMinutes(10), TimeSpan.Zero)), "the defaults");
        Assert.That(desired.Environment.Approval.Required, Is.True);
        Assert.That(desired.Environment.Windows.Single().Duration, Is.EqualTo(TimeSpan.FromHours(3)));
    }

    [Test]
    public void Staging_overrides_versions_vmids_and_one_flag_and_keeps_the_rest_of_base()
    {
        var desired = Load("staging");
        var flags = desired.FeatureFlags.Single().Flags;

        Assert.That(desired.FindService(new ServiceName("mcp-gateway"))!.Version, Is.EqualTo("v1.5.0-rc.1"));
        Assert.That(desired.FindService(new ServiceName("ai-orchestrator"))!.Version, Is.EqualTo("v1.4.2"));
        Assert.That(desired.FindContainer(new ContainerName("backend"))!.VmId, Is.EqualTo(new VmId(541)));
        Assert.That(desired.FindContainer(new ContainerName("backend"))!.Tags, Is.EqualTo(new[] { "backend", "staging", "zentoria" }));
        var chat = flags.Single(f => f.Name == "chat-v2");
        Assert.That((chat.Enabled, chat.Rollout), Is.EqualTo((true, 25)), "staging turns chat-v2 on at 25%");
        Assert.That(flags.Single(f => f.Name == "new-vector-db").Steps, Is.EqualTo(new[] { 5, 25, 50, 100 }));
    }

    [Test]
    public void Sandbox_puts_every_address_on_loopback()
    {
        var desired = Load("sandbox");
        var addresses = desired.Containers.Select(c => c.Network.Ip)
            .Concat(desired.Containers.Select(c => c.Network.Gateway).OfType<string>())
            .Concat(desired.Services.Select(s => s.Strategy.CloneIp).OfType<string>())
            .Append(ProxmoxUrl.HostOf(desired.Environment.Proxmox.Url)!)
            .ToList();

        Assert.That(addresses, Has.Count.EqualTo(10));
        Assert.That(addresses, Has.All.Matches<string>(Addresses.IsLoopback));
    }

    [Test]
    public void The_revision_is_a_stable_hash_of_the_files_and_differs_per_environment()
    {
        var first = Load("sandbox").Revision;
        var second = Load("sandbox").Revision;

        Assert.That(first, Is.EqualTo(second).And.Match("^[0-9a-f]{12}$"));
        Assert.That(first, Is.Not.EqualTo(Load("production").Revision));
    }
}
