using System.Collections.Immutable;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Tests.Routing;

internal sealed class UpstreamFileTests
{
    private static readonly ServiceName Service = new("mcp-gateway");
    private static readonly UpstreamEndpoint Stable = new("127.0.2.241", 3000);
    private static readonly UpstreamEndpoint Canary = new("127.0.2.211", 3000);

    [Test]
    public void A_split_is_written_as_a_marker_the_service_and_one_weighted_server_per_pool()
    {
        var text = Render(UpstreamRouting.Split("backend", Stable, Canary, 5));

        Assert.That(text, Is.EqualTo("""
            # zentoria-reconciler: managed upstream. Edits are drift: the operator writes this file back.
            # service: mcp-gateway
            upstream backend {
                server 127.0.2.241:3000 weight=95; # stable
                server 127.0.2.211:3000 weight=5; # canary
            }

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Every_percentage_reads_back_as_the_routing_it_was_written_from()
    {
        for (var percent = 0; percent <= 100; percent++)
        {
            var routing = UpstreamRouting.Split("backend", Stable, Canary, percent);

            var reading = UpstreamFile.Read(UpstreamFile.Render(routing, Service).Content);

            Assert.That(reading.Routing, Is.EqualTo(routing), $"{percent} %");
            Assert.That(reading.Routing!.PercentOf(UpstreamPool.Canary), Is.EqualTo(percent));
        }
    }

    [Test]
    public void Zero_and_one_hundred_percent_leave_a_single_server_because_nginx_refuses_weight_zero()
    {
        Assert.That(UpstreamRouting.Split("backend", Stable, Canary, 0).Servers.Single().Pool, Is.EqualTo(UpstreamPool.Stable));
        Assert.That(UpstreamRouting.Split("backend", Stable, Canary, 100).Servers.Single().Pool, Is.EqualTo(UpstreamPool.Canary));
        Assert.That(Render(UpstreamRouting.All("backend", UpstreamPool.Canary, Canary)), Does.Contain("server 127.0.2.211:3000 weight=100; # canary"));
    }

    [TestCase("127.0.2.241; include /etc/shadow", TestName = "A host that ends the directive is refused")]
    [TestCase("127.0.2.241 backup", TestName = "A host with a space is refused")]
    [TestCase("host\n}", TestName = "A host with a newline is refused")]
    [TestCase("", TestName = "An empty host is refused")]
    public void Values_that_could_change_the_nginx_configuration_are_refused(string host)
    {
        var rendering = UpstreamFile.Render(UpstreamRouting.All("backend", UpstreamPool.Stable, new UpstreamEndpoint(host, 3000)), Service);

        Assert.That(rendering.Succeeded, Is.False);
        Assert.That(rendering.Error, Does.Contain("is not an address or host name"));
    }

    [Test]
    public void Impossible_routings_are_refused_with_the_reason()
    {
        string? Error(UpstreamRouting routing) => UpstreamFile.Render(routing, Service).Error;

        Assert.That(Error(new UpstreamRouting("back end", [new UpstreamServer(UpstreamPool.Stable, Stable, 100)])), Does.Contain("not an upstream name"));
        Assert.That(Error(new UpstreamRouting("backend", [])), Does.Contain("has no server"));
        Assert.That(Error(new UpstreamRouting("backend", [new UpstreamServer(UpstreamPool.Stable, Stable, 0)])), Does.Contain("weight 0"));
        Assert.That(Error(new UpstreamRouting("backend", [new UpstreamServer(UpstreamPool.Stable, Stable, 50), new UpstreamServer(UpstreamPool.Stable, Canary, 50)])),
            Does.Contain("more than one stable server"));
        Assert.That(Error(UpstreamRouting.All("backend", UpstreamPool.Stable, Stable with { Port = 70000 })), Does.Contain("port outside"));
        Assert.That(UpstreamFile.Render(UpstreamRouting.All("backend", UpstreamPool.Stable, Stable), new ServiceName("x\ninclude")).Error, Does.Contain("cannot be written"));
    }

    [Test]
    public void A_file_without_the_marker_is_not_the_operators()
    {
        var reading = UpstreamFile.Read("upstream backend {\n    server 127.0.2.241:3000 weight=100; # stable\n}\n"u8);

        Assert.That(reading.Owned, Is.False);
        Assert.That(reading.Routing, Is.Null);
        Assert.That(reading.Error, Does.Contain(UpstreamFile.Marker));
    }

    [Test]
    public void A_file_that_is_not_text_is_not_the_operators()
    {
        Assert.That(UpstreamFile.Read([0xff, 0xfe, 0x00]).Owned, Is.False);
    }

    [TestCase("upstream backend {\n    server 127.0.2.241:3000 weight=100;\n}\n", "line 4: expected 'server HOST:PORT", TestName = "A server without its pool is unreadable")]
    [TestCase("upstream backend {\n    server 127.0.2.241:3000 weight=100 backup; # stable\n}\n", "line 4", TestName = "A server with other parameters is unreadable")]
    [TestCase("upstream backend {\n    server 127.0.2.241:3000 weight=100; # stable\n", "not closed", TestName = "An unclosed block is unreadable")]
    [TestCase("", "no upstream block", TestName = "A marker alone is unreadable")]
    [TestCase("server 127.0.2.241:3000;\n", "expected 'upstream NAME {'", TestName = "A server outside a block is unreadable")]
    [TestCase("upstream backend {\n}\n", "has no server", TestName = "An empty block is unreadable")]
    public void A_marked_file_in_another_shape_is_owned_but_unreadable(string body, string error)
    {
        var reading = UpstreamFile.Read(Encoding.UTF8.GetBytes($"{UpstreamFile.Marker}\n# service: mcp-gateway\n{body}"));

        Assert.That(reading.Owned, Is.True);
        Assert.That(reading.Routing, Is.Null);
        Assert.That(reading.Error, Does.Contain(error));
    }

    [Test]
    public void Hand_written_weights_are_read_as_shares_and_windows_line_endings_and_comments_are_tolerated()
    {
        var text = $"{UpstreamFile.Marker}\r\n# edited by hand\r\nupstream backend {{\r\n  server 127.0.2.241:3000   weight=3 ;#stable\r\n\r\n  server 127.0.2.211:3000; # canary\r\n}}\r\n";

        var routing = UpstreamFile.Read(Encoding.UTF8.GetBytes(text)).Routing!;

        Assert.That(routing.Servers, Is.EqualTo(ImmutableArray.Create(
            new UpstreamServer(UpstreamPool.Stable, Stable, 3), new UpstreamServer(UpstreamPool.Canary, Canary, 1))));
        Assert.That(routing.PercentOf(UpstreamPool.Stable), Is.EqualTo(75));
        Assert.That(routing.PercentOf(UpstreamPool.Canary), Is.EqualTo(25));
    }

    [Test]
    public void Drift_names_what_the_file_routes_and_what_is_desired()
    {
        var desired = UpstreamRouting.Split("backend", Stable, Canary, 25);
        var live = UpstreamReader.Of("/etc/nginx/zentoria/backend.conf", UpstreamFile.Render(UpstreamRouting.Split("backend", Stable, Canary, 5), Service).Content);

        Assert.That(live.DriftFrom(desired), Is.EqualTo(
            "/etc/nginx/zentoria/backend.conf routes backend: stable 127.0.2.241:3000 95 %, canary 127.0.2.211:3000 5 %; " +
            "desired backend: stable 127.0.2.241:3000 75 %, canary 127.0.2.211:3000 25 %"));
        Assert.That(live.DriftFrom(UpstreamRouting.Split("backend", Stable, Canary, 5)), Is.Null);
        Assert.That(new LiveUpstream("/f.conf", UpstreamFileState.Missing, null, null).DriftFrom(desired), Does.StartWith("/f.conf does not exist"));
    }

    private static string Render(UpstreamRouting routing) => Encoding.UTF8.GetString(UpstreamFile.Render(routing, Service).Content!);
}
