using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator.Auth;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
    [Test]
    public void A_wrong_token_secret_is_unauthorized_and_the_line_never_shows_a_secret(CancellationToken cancellationToken)
    {
        Assert.That(ProxmoxApiToken.TryParse(environment.Options.ApiToken, out var token, out _), Is.True);
        using var client = environment.CreateClient(o => o.ApiToken = token!.TokenId + "=00000000-0000-0000-0000-000000000000");

        var error = Assert.ThrowsAsync<ProxmoxUnauthorizedException>(() => client.Version.GetAsync(cancellationToken))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith($"Proxmox at {environment.Options.BaseUrl!.GetLeftPart(UriPartial.Authority)} rejected the API token {token!.TokenId}: 401 "));
            Assert.That(error.Message, Does.Not.Contain(token.Secret.Reveal()).And.Not.Contain("00000000-0000"));
        });
    }

    [Test]
    public async Task A_token_without_the_privilege_is_forbidden_with_the_acl_path_and_privilege(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs a token with a restricted ACL");
        var vmid = await environment.CreateContainerAsync("ct-acl", cancellationToken);
        simulator.Access.AddToken("auditor@pve!ro=5b0c1f5e-4a4e-4c55-9d1c-2f0b8a3e7d21", AccessControlList.Empty().Grant("/vms", "VM.Audit"));
        using var auditor = environment.CreateClient(o => o.ApiToken = "auditor@pve!ro=5b0c1f5e-4a4e-4c55-9d1c-2f0b8a3e7d21");

        var status = await auditor.Status.GetCurrentAsync(Node, vmid, cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxForbiddenException>(() => auditor.Status.StartAsync(Node, vmid, cancellationToken))!;

        Assert.That((status.VmId, error.AclPath, error.Privilege, error.IsTransient), Is.EqualTo((vmid, $"/vms/{vmid}", "VM.PowerMgmt", false)));
    }

    [Test]
    public async Task A_ticket_login_reads_and_writes_with_cookie_and_csrf_token(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs the root password");
        var vmid = await environment.CreateContainerAsync("ct-ticket", cancellationToken);
        using var client = environment.CreateClient(o =>
        {
            o.ApiToken = null;
            o.Username = "root@pam";
            o.Password = simulator.RootPassword;
        });

        await client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("cores", "3")) }, cancellationToken);
        var config = await client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.That(config.Cores, Is.EqualTo(3));
    }
}
