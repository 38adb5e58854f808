using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Http;

internal sealed class RequestEncodingTests
{
    [Test]
    public async Task A_config_write_sends_values_delete_revert_and_digest_as_a_form_body()
    {
        var handler = new StubProxmoxHandler().On("PUT", "/nodes/pve/lxc/101/config", StubResponses.Null);
        using var client = TestClients.Create(handler);

        await client.Config.UpdateAsync(
            TestClients.Pve,
            TestClients.Ct101,
            new ContainerConfigUpdate { Set = new Dictionary<string, string> { ["memory"] = "1024", ["onboot"] = "1" }, Delete = ["description", "mp1"], Revert = ["swap"], Digest = "3f1c2e9a" },
            CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Form, Is.EquivalentTo(new Dictionary<string, string> { ["memory"] = "1024", ["onboot"] = "1", ["delete"] = "description,mp1", ["revert"] = "swap", ["digest"] = "3f1c2e9a" }));
            Assert.That(request.Query, Is.Empty);
        });
    }

    [Test]
    public async Task Reads_and_deletes_carry_their_parameters_in_the_query_with_1_for_true()
    {
        var handler = new StubProxmoxHandler()
            .On("GET", "/nodes/pve/lxc/101/config", () => StubResponses.Data("{}"))
            .On("DELETE", "/nodes/pve/lxc/101/snapshot/before", () => StubResponses.Upid(TestClients.UpidStart));
        using var client = TestClients.Create(handler);

        await client.Config.GetCurrentAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None);
        await client.Snapshots.DeleteAsync(TestClients.Pve, TestClients.Ct101, "before", CancellationToken.None, force: true);

        Assert.That(handler.Requests.Select(r => (r.Method, r.Query.GetValueOrDefault("current") ?? r.Query.GetValueOrDefault("force"), r.Form.Count)),
            Is.EqualTo(new[] { ("GET", "1", 0), ("DELETE", "1", 0) }));
    }

    [Test]
    public async Task Growing_a_disk_sends_a_relative_size_in_the_largest_whole_unit()
    {
        var handler = new StubProxmoxHandler().On("PUT", "/nodes/pve/lxc/101/resize", () => StubResponses.Upid(TestClients.UpidStart));
        using var client = TestClients.Create(handler);

        await client.Config.GrowDiskAsync(TestClients.Pve, TestClients.Ct101, "rootfs", 3L << 29, CancellationToken.None);

        Assert.That((handler.Requests.Single().Parameter("disk"), handler.Requests.Single().Parameter("size")), Is.EqualTo(("rootfs", "+1536M")));
    }

    [Test]
    public void An_empty_config_write_is_refused_before_anything_is_sent()
    {
        var handler = new StubProxmoxHandler();
        using var client = TestClients.Create(handler);

        Assert.That(() => client.Config.UpdateAsync(TestClients.Pve, TestClients.Ct101, new ContainerConfigUpdate(), CancellationToken.None), Throws.ArgumentException);
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void An_error_without_a_message_field_takes_its_text_from_the_reason_phrase()
    {
        var handler = new StubProxmoxHandler().On("GET", "/nodes/pve/lxc/101/status/current", () => StubResponses.Error(500, "Configuration file 'nodes/pve/lxc/101.conf' does not exist", withMessageField: false));
        using var client = TestClients.Create(handler);

        var error = Assert.ThrowsAsync<ProxmoxNotFoundException>(() => client.Status.GetCurrentAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None))!;

        Assert.That(error.Message, Is.EqualTo("GET /nodes/pve/lxc/101/status/current failed with 500: Configuration file 'nodes/pve/lxc/101.conf' does not exist"));
    }

    [TestCase("""{"data":{"vmid":"abc","status":"running"}}""", Description = "a vmid that is no number")]
    [TestCase("""{"data":{"vmid":99999999999,"status":"running"}}""", Description = "a vmid beyond int")]
    [TestCase("""{"data":[1,2]}""", Description = "an array where an object belongs")]
    [TestCase("""<html>proxy error</html>""", Description = "not JSON at all")]
    public void A_success_body_this_client_cannot_read_is_a_typed_api_error(string body)
    {
        var handler = new StubProxmoxHandler().On("GET", "/nodes/pve/lxc/101/status/current", () => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body) });
        using var client = TestClients.Create(handler);

        var error = Assert.ThrowsAsync<ProxmoxException>(() => client.Status.GetCurrentAsync(TestClients.Pve, TestClients.Ct101, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ProxmoxErrorKind.ApiError));
            Assert.That(error.Message, Does.StartWith("GET /nodes/pve/lxc/101/status/current answered 200 with a body this client cannot read: ").And.Not.Contain('\n'));
        });
    }

    [Test]
    public void An_answer_larger_than_the_limit_is_refused_as_an_api_error()
    {
        var big = "[" + string.Join(',', Enumerable.Repeat("""{"id":"lxc/101","type":"lxc","vmid":101}""", 200)) + "]";
        var handler = new StubProxmoxHandler().On("GET", "/cluster/resources", () => StubResponses.Data(big));
        using var client = TestClients.Create(handler, configure: o => o.MaxResponseBytes = 4096);

        var error = Assert.ThrowsAsync<ProxmoxException>(() => client.Cluster.GetContainersAsync(CancellationToken.None))!;

        Assert.That((error.Kind, error.Message), Is.EqualTo((ProxmoxErrorKind.ApiError, "GET /cluster/resources answered 200 with a body this client cannot read: the answer is larger than 4096 bytes")));
    }
}
