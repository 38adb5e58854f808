using System.Net;
using System.Text.Json.Nodes;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class AuthenticationTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync() => _sim = await SimulatorHarness.StartAsync(o => new()
    {
        TimeProvider = o.TimeProvider,
        TaskDuration = o.TaskDuration,
        Token = "automation@pve!ci=0e5f2b1c",
        RootPassword = "correct horse",
    }, withToken: false);

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task A_request_without_credentials_is_401_No_ticket_with_an_empty_body()
    {
        using var response = await _sim.GetAsync("version");

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(401));
            Assert.That(response.ReasonPhrase, Is.EqualTo("No ticket"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        });
    }

    [TestCase("PVEAPIToken=automation@pve!ci=0e5f2b1c")]
    [TestCase("PVEAPIToken automation@pve!ci=0e5f2b1c")]
    public async Task The_token_is_accepted_after_an_equals_sign_or_a_space(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "version");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await _sim.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_secret_is_401_Authentication_failed_in_9_1()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "version");
        request.Headers.Authorization = SimulatorHarness.TokenHeader("automation@pve!ci=wrong");
        using var response = await _sim.Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Authentication failed!"));
    }

    [Test]
    public async Task An_expired_token_stops_working()
    {
        _sim.Simulator.Access.ExpireToken("automation@pve!ci");
        using var request = new HttpRequestMessage(HttpMethod.Get, "version");
        request.Headers.Authorization = SimulatorHarness.TokenHeader("automation@pve!ci=0e5f2b1c");
        using var response = await _sim.Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task A_wrong_password_is_401_authentication_failure_with_a_json_body()
    {
        using var response = await _sim.PostAsync("access/ticket", ("username", "root@pam"), ("password", "nope"));
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(401));
            Assert.That(response.ReasonPhrase, Is.EqualTo("authentication failure"));
            Assert.That(body.ContainsKey("data") && body["data"] is null, Is.True);
        });
    }

    [Test]
    public async Task A_ticket_reads_freely_but_writes_only_with_the_csrf_token()
    {
        var login = (await SimulatorHarness.DataAsync(await _sim.PostAsync("access/ticket", ("username", "root@pam"), ("password", "correct horse"))))!;
        var ticket = login["ticket"]!.GetValue<string>();
        var csrf = login["CSRFPreventionToken"]!.GetValue<string>();
        Assert.That(ticket, Does.Match("^PVE:root@pam:[0-9A-F]{8}::"));
        Assert.That(csrf, Does.Match("^[0-9A-F]{8}:"));

        using var read = new HttpRequestMessage(HttpMethod.Get, "cluster/nextid");
        read.Headers.Add("Cookie", "PVEAuthCookie=" + Uri.EscapeDataString(ticket));
        using var readResponse = await _sim.Http.SendAsync(read);

        using var write = new HttpRequestMessage(HttpMethod.Post, "nodes/pve/lxc") { Content = new FormUrlEncodedContent([]) };
        write.Headers.Add("Cookie", "PVEAuthCookie=" + Uri.EscapeDataString(ticket));
        using var writeResponse = await _sim.Http.SendAsync(write);

        using var csrfWrite = new HttpRequestMessage(HttpMethod.Post, "nodes/pve/lxc")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("vmid", "150"), KeyValuePair.Create("ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst")]),
        };
        csrfWrite.Headers.Add("Cookie", "PVEAuthCookie=" + Uri.EscapeDataString(ticket));
        csrfWrite.Headers.Add("CSRFPreventionToken", csrf);
        using var csrfResponse = await _sim.Http.SendAsync(csrfWrite);
        var upid = (await SimulatorHarness.DataAsync(csrfResponse))!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(readResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((int)writeResponse.StatusCode, Is.EqualTo(401));
            Assert.That(writeResponse.ReasonPhrase, Is.EqualTo("Permission denied - invalid csrf token"));
            Assert.That(upid, Does.EndWith(":vzcreate:150:root@pam:"));
        });
    }

    [Test]
    public async Task A_ticket_expires_after_two_hours()
    {
        var login = (await SimulatorHarness.DataAsync(await _sim.PostAsync("access/ticket", ("username", "root@pam"), ("password", "correct horse"))))!;
        _sim.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        using var read = new HttpRequestMessage(HttpMethod.Get, "version");
        read.Headers.Add("Cookie", "PVEAuthCookie=" + Uri.EscapeDataString(login["ticket"]!.GetValue<string>()));
        using var response = await _sim.Http.SendAsync(read);

        Assert.That(response.ReasonPhrase, Is.EqualTo("Authentication failed!"));
    }

    [Test]
    public async Task A_token_may_also_send_a_json_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "nodes/pve/lxc")
        {
            Content = JsonContent(new JsonObject { ["vmid"] = 120, ["ostemplate"] = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", ["onboot"] = true }),
        };
        request.Headers.Authorization = SimulatorHarness.TokenHeader("automation@pve!ci=0e5f2b1c");
        using var response = await _sim.Http.SendAsync(request);

        Assert.That((await SimulatorHarness.DataAsync(response))!.GetValue<string>(), Does.Contain(":vzcreate:120:automation@pve!ci:"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(120)!.Config["onboot"], Is.EqualTo("1"));
    }

    [Test]
    public async Task A_401_can_be_held_back_like_pveproxy_does()
    {
        await using var slow = await SimulatorHarness.StartAsync(
            o => new Zentoria.Reconciler.Simulator.SimulatorOptions { TimeProvider = o.TimeProvider, AuthFailureDelay = TimeSpan.FromSeconds(3) },
            withToken: false);
        var start = slow.Time.GetUtcNow();

        var pending = slow.GetAsync("version");
        for (var i = 0; i < 100_000 && !pending.IsCompleted; i++)
        {
            slow.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        using var response = await pending;
        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(slow.Time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)));
    }

    private static StringContent JsonContent(JsonObject json) => new(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
