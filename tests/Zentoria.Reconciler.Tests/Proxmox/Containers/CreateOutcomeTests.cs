using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Containers;

internal sealed class CreateOutcomeTests
{
    private const string CreatePath = "/nodes/pve/lxc";
    // Started at 2026-01-01T00:00:00Z, the instant clock's "now"; OldUpid is a create of the same vmid in 2023.
    private const string CreateUpid = "UPID:pve:000D7AA2:08D5A17C:6955B900:vzcreate:101:automation@pve!ci:";
    private const string OldUpid = "UPID:pve:000D7AA2:08D5A17C:63DF62A5:vzcreate:101:automation@pve!ci:";
    private static readonly ContainerCreateRequest Create101 = new() { VmId = TestClients.Ct101, OsTemplate = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", Unprivileged = true };

    private static HttpResponseMessage Lost() => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    [Test]
    public async Task A_create_that_lost_its_answer_and_did_not_happen_is_sent_again()
    {
        var handler = new StubProxmoxHandler()
            .OnSequence("POST", CreatePath, Lost, () => StubResponses.Upid(CreateUpid))
            .On("GET", "/cluster/resources", () => StubResponses.Data("[]"));
        using var client = TestClients.Create(handler);

        var upid = await client.Containers.CreateAsync(TestClients.Pve, Create101, CancellationToken.None);

        Assert.That((upid.ToString(), handler.CallsTo("POST", CreatePath)), Is.EqualTo((CreateUpid, 2)));
    }

    [Test]
    public async Task A_create_that_lost_its_answer_but_happened_is_not_sent_again_and_its_task_is_found()
    {
        var handler = new StubProxmoxHandler()
            .On("POST", CreatePath, Lost)
            .On("GET", "/cluster/resources", () => StubResponses.Data("""[{"id":"lxc/101","type":"lxc","vmid":101,"node":"pve","status":"stopped","lock":"create"}]"""))
            .On("GET", "/nodes/pve/tasks", () => StubResponses.Data($$"""[{"upid":"{{OldUpid}}","type":"vzcreate","id":"101","starttime":1675584165,"status":"OK"},{"upid":"{{CreateUpid}}","type":"vzcreate","id":"101","starttime":1767225600,"status":"RUNNING"}]"""));
        using var client = TestClients.Create(handler);

        var upid = await client.Containers.CreateAsync(TestClients.Pve, Create101, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((upid.ToString(), handler.CallsTo("POST", CreatePath)), Is.EqualTo((CreateUpid, 1)));
            var lookup = handler.Requests.Single(r => r.Path == "/nodes/pve/tasks");
            Assert.That((lookup.Parameter("vmid"), lookup.Parameter("typefilter")), Is.EqualTo(("101", "vzcreate")));
        });
    }

    [Test]
    public void A_create_that_happened_without_a_findable_task_is_an_unknown_outcome_not_a_second_create()
    {
        var handler = new StubProxmoxHandler()
            .On("POST", CreatePath, Lost)
            .On("GET", "/cluster/resources", () => StubResponses.Data("""[{"id":"lxc/101","type":"lxc","vmid":101,"node":"pve","status":"stopped"}]"""));
        using var client = TestClients.Create(handler);

        var error = Assert.ThrowsAsync<ProxmoxOutcomeUnknownException>(() => client.Containers.CreateAsync(TestClients.Pve, Create101, CancellationToken.None))!;

        Assert.That((error.IsTransient, handler.CallsTo("POST", CreatePath)), Is.EqualTo((true, 1)));
    }

    [Test]
    public void An_older_task_of_a_reused_vmid_is_not_taken_for_the_lost_create()
    {
        var handler = new StubProxmoxHandler()
            .On("POST", CreatePath, Lost)
            .On("GET", "/cluster/resources", () => StubResponses.Data("""[{"id":"lxc/101","type":"lxc","vmid":101,"node":"pve","status":"stopped","lock":"create"}]"""))
            .On("GET", "/nodes/pve/tasks", () => StubResponses.Data($$"""[{"upid":"{{OldUpid}}","type":"vzcreate","id":"101","starttime":1675584165,"status":"OK"}]"""));
        using var client = TestClients.Create(handler);

        Assert.ThrowsAsync<ProxmoxOutcomeUnknownException>(() => client.Containers.CreateAsync(TestClients.Pve, Create101, CancellationToken.None));
        Assert.That(handler.CallsTo("POST", CreatePath), Is.EqualTo(1));
    }

    [Test]
    public void A_create_refused_for_a_reason_is_neither_probed_nor_resent()
    {
        var handler = new StubProxmoxHandler().On("POST", CreatePath, () => StubResponses.Error(500, "CT 101 already exists on node 'pve'"));
        using var client = TestClients.Create(handler);

        Assert.ThrowsAsync<ProxmoxAlreadyExistsException>(() => client.Containers.CreateAsync(TestClients.Pve, Create101, CancellationToken.None));
        Assert.That(handler.Requests.Select(r => r.Path), Is.EqualTo(new[] { CreatePath }));
    }

    [Test]
    public async Task Create_parameters_use_proxmox_names_and_1_0_booleans()
    {
        var handler = new StubProxmoxHandler().On("POST", CreatePath, () => StubResponses.Upid(CreateUpid));
        using var client = TestClients.Create(handler);

        await client.Containers.CreateAsync(TestClients.Pve, Create101 with { MemoryMiB = 2048, Networks = new Dictionary<int, string> { [0] = "name=eth0,bridge=vmbr0,ip=dhcp" }, Tags = ["a", "b"] }, CancellationToken.None);

        Assert.That(handler.Requests.Single().Form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["vmid"] = "101",
            ["ostemplate"] = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
            ["unprivileged"] = "1",
            ["memory"] = "2048",
            ["net0"] = "name=eth0,bridge=vmbr0,ip=dhcp",
            ["tags"] = "a;b",
        }));
    }
}
