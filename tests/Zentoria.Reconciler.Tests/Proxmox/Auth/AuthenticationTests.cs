using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Auth;

internal sealed class AuthenticationTests
{
    private const string Ticket = "PVE:root@pam:66F3A1B2::c2lnbmF0dXJl";
    private const string Csrf = "66F3A1B2:aG1hYw";

    [Test]
    public async Task An_api_token_goes_in_the_authorization_header_with_no_csrf_token()
    {
        var handler = new StubProxmoxHandler().On("PUT", "/nodes/pve/lxc/101/config", StubResponses.Null);
        using var client = TestClients.Create(handler);

        await client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, new ContainerConfigUpdate { Set = new Dictionary<string, string> { ["cores"] = "2" } }, CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.That((request.Header("Authorization"), request.Header("CSRFPreventionToken")), Is.EqualTo(("PVEAPIToken=" + TestClients.Token, (string?)null)));
    }

    [Test]
    public async Task A_ticket_login_sends_the_cookie_on_every_call_and_the_csrf_token_only_on_writes()
    {
        var handler = TicketServer();
        using var client = ProxmoxClient.Create(LoginOptions(), handler, new FakeTimeProvider());

        await client.Version.GetAsync(CancellationToken.None);
        await client.Status.StartAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None);

        var login = handler.Requests[0];
        var read = handler.Requests[1];
        var write = handler.Requests[2];
        Assert.Multiple(() =>
        {
            Assert.That((login.Path, login.Parameter("username"), login.Parameter("password")), Is.EqualTo(("/access/ticket", "root@pam", "s3cret-pass")));
            Assert.That(login.Header("Cookie"), Is.Null);
            Assert.That((read.Header("Cookie"), read.Header("CSRFPreventionToken")), Is.EqualTo(("PVEAuthCookie=" + Ticket, (string?)null)));
            Assert.That((write.Header("Cookie"), write.Header("CSRFPreventionToken")), Is.EqualTo(("PVEAuthCookie=" + Ticket, Csrf)));
        });
    }

    [Test]
    public async Task A_ticket_is_renewed_with_itself_as_password_once_it_is_older_than_the_renewal_age()
    {
        var time = new FakeTimeProvider();
        var handler = TicketServer();
        using var client = ProxmoxClient.Create(LoginOptions(), handler, time);

        await client.Version.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(59));
        await client.Version.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        await client.Version.GetAsync(CancellationToken.None);

        var logins = handler.Requests.Where(r => r.Path == "/access/ticket").Select(r => r.Parameter("password")).ToList();
        Assert.That(logins, Is.EqualTo(new[] { "s3cret-pass", Ticket }));
    }

    [Test]
    public async Task A_ticket_refused_with_401_is_dropped_and_the_call_logs_in_again_once()
    {
        var handler = TicketServer().OnSequence("GET", "/version", () => StubResponses.Bare(401, "Authentication failed!"), () => StubResponses.Data("""{"version":"9.1.4","release":"9.1","repoid":"1e8a3c5b2d4f6a70"}"""));
        using var client = ProxmoxClient.Create(LoginOptions(), handler, new FakeTimeProvider());

        var version = await client.Version.GetAsync(CancellationToken.None);

        Assert.That((version.Release, handler.CallsTo("POST", "/access/ticket")), Is.EqualTo(("9.1", 2)));
    }

    [Test]
    public async Task A_first_login_does_not_wait_for_a_slot_held_by_the_request_that_needs_it()
    {
        var handler = TicketServer();
        using var client = ProxmoxClient.Create(LoginOptions(o => o.MaxConcurrentRequestsPerNode = 1), handler, new FakeTimeProvider());

        var version = await client.Version.GetAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(version.Release, Is.EqualTo("9.1"));
    }

    [Test]
    public void A_wrong_password_is_one_line_naming_the_user_and_never_the_password()
    {
        var handler = new StubProxmoxHandler().On("POST", "/access/ticket", () => StubResponses.Error(401, "authentication failure"));
        using var client = ProxmoxClient.Create(LoginOptions(), handler, new FakeTimeProvider());

        var error = Assert.ThrowsAsync<ProxmoxUnauthorizedException>(() => client.Version.GetAsync(CancellationToken.None))!;

        Assert.That((error.Message, handler.CallsTo("POST", "/access/ticket")), Is.EqualTo(("Proxmox at https://127.0.0.1:8006 rejected the password of root@pam: 401 authentication failure", 1)));
    }

    [Test]
    public void Tokens_tickets_and_create_requests_print_without_their_secrets()
    {
        Assert.That(ProxmoxApiToken.TryParse(TestClients.Token, out var token, out _), Is.True);
        var ticket = new ProxmoxTicket { Username = "root@pam", Ticket = new SecretString(Ticket), CsrfPreventionToken = new SecretString(Csrf) };
        var create = new ContainerCreateRequest { VmId = TestClients.Ct101, OsTemplate = "local:vztmpl/x.tar.zst", Password = new SecretString("hunter22") };

        var printed = string.Join("\n", token!.ToString(), ticket.ToString(), create.ToString(), create.ToParameters().ToString());

        Assert.That(printed, Does.Not.Contain(TestClients.TokenSecret).And.Not.Contain(Ticket).And.Not.Contain(Csrf).And.Not.Contain("hunter22"));
    }

    private static ProxmoxClientOptions LoginOptions(Action<ProxmoxClientOptions>? configure = null) => TestClients.Options(o =>
    {
        o.ApiToken = null;
        o.Username = "root@pam";
        o.Password = "s3cret-pass";
        configure?.Invoke(o);
    });

    private static StubProxmoxHandler TicketServer() => new StubProxmoxHandler()
        .On("POST", "/access/ticket", () => StubResponses.Data($$$"""{"username":"root@pam","ticket":"{{{Ticket}}}","CSRFPreventionToken":"{{{Csrf}}}","cap":{}}"""))
        .On("GET", "/version", () => StubResponses.Data("""{"version":"9.1.4","release":"9.1","repoid":"1e8a3c5b2d4f6a70"}"""))
        .On("POST", "/nodes/pve/lxc/101/status/start", () => StubResponses.Upid(TestClients.UpidStart));
}
