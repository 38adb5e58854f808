using System.Net;
using System.Text;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class EnvelopeTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync() => _sim = await SimulatorHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task A_successful_call_answers_200_OK_with_the_payload_under_data()
    {
        using var response = await _sim.GetAsync("version");
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.ReasonPhrase, Is.EqualTo("OK"));
            Assert.That(response.Headers.Server.ToString(), Is.EqualTo("pve-api-daemon/3.0"));
            Assert.That(body["data"]!["release"]!.GetValue<string>(), Is.EqualTo("9.1"));
            Assert.That(body["data"]!["version"]!.GetValue<string>(), Does.StartWith("9.1."));
        });
    }

    [Test]
    public async Task An_unknown_path_answers_501_with_the_method_and_path_in_the_reason()
    {
        using var response = await _sim.PostAsync("nodes/pve/lxc/210/exec");

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(501));
            Assert.That(response.ReasonPhrase, Is.EqualTo("Method 'POST /nodes/pve/lxc/210/exec' not implemented"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Method 'POST /nodes/pve/lxc/210/exec' not implemented"));
            Assert.That(response.Headers.ConnectionClose, Is.True);
        });
    }

    [Test]
    public async Task An_answer_carries_its_content_length_and_is_never_chunked_compressed_or_not()
    {
        foreach (var vmid in new[] { 101, 102, 103, 104 })
        {
            await _sim.CreateContainerAsync(vmid);
        }

        using var plain = await _sim.GetAsync("version");
        using var request = new HttpRequestMessage(HttpMethod.Get, "cluster/resources");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var compressed = await _sim.Http.SendAsync(request);
        var compressedBytes = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(plain.Headers.TransferEncodingChunked, Is.Not.True);
            Assert.That(plain.Content.Headers.ContentLength, Is.EqualTo((await plain.Content.ReadAsByteArrayAsync()).Length));
            Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
            Assert.That(compressed.Headers.TransferEncodingChunked, Is.Not.True);
            Assert.That(compressed.Content.Headers.ContentLength, Is.EqualTo(compressedBytes.Length));
        });
    }

    [Test]
    public async Task The_hundredth_request_on_a_keep_alive_connection_is_answered_with_connection_close_and_the_next_gets_a_new_one()
    {
        var closed = new List<int>();
        for (var request = 1; request <= 101; request++)
        {
            using var response = await _sim.GetAsync("version");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            if (response.Headers.ConnectionClose == true)
            {
                closed.Add(request);
            }
        }

        Assert.That(closed, Is.EqualTo(new[] { 100 }));
    }

    [Test]
    public async Task An_answer_expires_when_it_is_sent_and_says_its_connection_stays_open()
    {
        using var response = await _sim.GetAsync("version");

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Date, Is.EqualTo(_sim.Time.GetUtcNow()).Within(TimeSpan.FromSeconds(1)));
            Assert.That(response.Content.Headers.Expires, Is.EqualTo(response.Headers.Date));
            Assert.That(response.Headers.Connection, Is.EqualTo(new[] { "keep-alive" }).IgnoreCase);
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_keep_alive_connection_that_stays_idle_is_closed_by_the_server(CancellationToken cancellationToken)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_sim.Simulator.BaseUrl.Host, _sim.Simulator.BaseUrl.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api2/json/version HTTP/1.1\r\nHost: pve\r\nAuthorization: PVEAPIToken={_sim.Simulator.Token}\r\n\r\n"), cancellationToken);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("\"release\"", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            Assert.That(read, Is.GreaterThan(0), "the connection closed before the answer: " + answer);
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        // Idle from here on: pveproxy drops the connection after 5 s, where Kestrel's default would keep it for 130.
        var closed = await stream.ReadAsync(buffer, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(answer.ToString(), Does.Contain("Connection: keep-alive").IgnoreCase);
            Assert.That(closed, Is.Zero, "the server closed the idle connection");
        });
    }

    [Test]
    public async Task A_GET_with_a_body_is_refused_with_501()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "version") { Content = new StringContent("x=1", Encoding.UTF8, "application/x-www-form-urlencoded") };
        using var response = await _sim.Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(501));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Unexpected content for method 'GET'"));
    }

    [Test]
    public async Task A_DELETE_with_a_body_is_refused_with_501()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "nodes/pve/lxc/100") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await _sim.Http.SendAsync(request);

        Assert.That(response.ReasonPhrase, Is.EqualTo("Unexpected content for method 'DELETE'"));
    }

    [Test]
    public async Task A_missing_container_is_a_500_whose_reason_is_the_does_not_exist_text()
    {
        using var response = await _sim.GetAsync("nodes/pve/lxc/999/status/current");
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500));
            Assert.That(response.ReasonPhrase, Is.EqualTo("Configuration file 'nodes/pve/lxc/999.conf' does not exist"));
            Assert.That(body["data"], Is.Null);
            Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo("Configuration file 'nodes/pve/lxc/999.conf' does not exist\n"));
            Assert.That(response.Headers.ConnectionClose, Is.True);
        });
    }

    [Test]
    public async Task An_unknown_parameter_is_a_400_with_the_schema_text_for_that_parameter()
    {
        using var response = await _sim.GetAsync("cluster/resources?kind=vm");
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.ReasonPhrase, Is.EqualTo("Parameter verification failed."));
            Assert.That(body["errors"]!["kind"]!.GetValue<string>(), Is.EqualTo("property is not defined in schema and the schema does not allow additional properties"));
        });
    }

    [Test]
    public async Task A_path_parameter_repeated_in_the_body_with_another_value_is_a_400()
    {
        await _sim.CreateContainerAsync(101);

        using var response = await _sim.PutAsync("nodes/pve/lxc/101/config", ("vmid", "102"), ("cores", "2"));
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.That(body["errors"]!["vmid"]!.GetValue<string>(), Is.EqualTo("duplicate parameter (already defined in URI) with conflicting values!"));
    }

    [Test]
    public async Task An_unknown_node_fails_like_the_dns_fallback()
    {
        using var response = await _sim.GetAsync("nodes/bogus/lxc");

        Assert.That(response.ReasonPhrase, Is.EqualTo("hostname lookup 'bogus' failed - failed to get address info for: bogus: Name or service not known"));
    }

    [Test]
    public async Task Nextid_is_a_json_string_and_a_taken_vmid_is_a_400()
    {
        Assert.That((await _sim.GetDataAsync("cluster/nextid"))!.GetValue<string>(), Is.EqualTo("100"));
        await _sim.CreateContainerAsync(100);
        Assert.That((await _sim.GetDataAsync("cluster/nextid"))!.GetValue<string>(), Is.EqualTo("101"));

        using var response = await _sim.GetAsync("cluster/nextid?vmid=100");
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.That(body["errors"]!["vmid"]!.GetValue<string>(), Is.EqualTo("VM 100 already exists"));
    }

    [Test]
    public async Task A_body_over_one_kibibyte_is_gzipped_when_the_client_accepts_it()
    {
        for (var vmid = 100; vmid < 120; vmid++)
        {
            _sim.Simulator.Cluster.AddContainer(new Zentoria.Reconciler.Simulator.State.ContainerSeed { VmId = vmid });
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "cluster/resources?type=vm");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate");
        using var response = await _sim.Http.SendAsync(request);
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var body = await System.Text.Json.Nodes.JsonNode.ParseAsync(gzip);

        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
        Assert.That(body!["data"]!.AsArray(), Has.Count.EqualTo(20));
    }
}
