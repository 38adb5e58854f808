using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Tests.Planning;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>The SSH guest shells an environment's <c>guests</c> settings give, against the test sshd.</summary>
[Category("Integration")]
internal sealed class SshGuestShellProviderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task In_direct_mode_a_container_is_reached_at_its_desired_address_and_the_port_of_the_guests_settings()
    {
        using var provider = Provider(GuestTransportMode.Direct);
        var container = Specs.Container("backend", 441) with { Network = new ContainerNetwork("127.0.0.1/8", null, "vmbr0") };

        var ran = await provider.ShellFor(container)!.RunAsync(GuestCommand.Of("echo", "inside"), Timeout, CancellationToken.None);

        Assert.That(ran.Value, Is.EqualTo(new GuestCommandResult(0, "inside\n", "", false, false)), ran.Error?.ToString() ?? SshdSetUp.Server.Log());
        Assert.That(provider.EndpointOf(container, Specs.Service("api", "backend")), Is.EqualTo(new ServiceEndpoint("127.0.0.1", 3000)));
    }

    [Test]
    public void In_direct_mode_a_container_without_an_address_cannot_be_reached()
    {
        using var provider = Provider(GuestTransportMode.Direct);
        var container = Specs.Container("backend", 441) with { Network = new ContainerNetwork("dhcp", null, "vmbr0") };

        Assert.That(provider.ShellFor(container), Is.Null);
        Assert.That(provider.EndpointOf(container, Specs.Service("api", "backend")), Is.Null);
    }

    [Test]
    public void Run_refuses_guests_settings_whose_key_file_does_not_exist()
    {
        var environment = Specs.Environment() with { Guests = new GuestAccessSpec(GuestTransportMode.Pct, "root", "/nonexistent/id_ed25519", null, null, TrustOnFirstUse: true) };

        var guests = OperatorLaunch.Guests(environment, out var problem);

        Assert.That(guests, Is.Null);
        Assert.That(problem, Is.EqualTo("the SSH key file '/nonexistent/id_ed25519' (guests.keyFile) does not exist"));
    }

    private static SshGuestShellProvider Provider(GuestTransportMode mode)
    {
        var server = SshdSetUp.Server;
        var access = new GuestAccessSpec(mode, RealSshd.User, server.ClientEd25519Key, null, server.HostFingerprint("ed25519"), server.Port);
        var environment = Specs.Environment() with { Guests = access };
        return SshGuestShellProvider.Create(environment, SshGuestOptions.From(access, null), TimeProvider.System, NullLoggerFactory.Instance);
    }
}
