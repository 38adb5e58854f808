using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>The <c>nginx:</c> settings of a proxy service and the <c>file</c> of a route load into the model with their defaults.</summary>
internal sealed class NginxSettingsTests
{
    private const string Proxy = """
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: postgres }
        spec: { container: postgres, port: 5432, health: { type: tcp } }
        ---
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: nginx }
        spec:
          container: nginx
          port: 80
          health: { type: tcp }
          nginx:
            upstreamDir: /srv/nginx/upstreams/
            test: { command: ["/usr/sbin/nginx", "-p", "/srv/nginx", "-t"] }
        ---
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: api }
        spec:
          container: backend
          port: 3000
          strategy: { type: Canary, cloneVmid: 411 }
          route: { proxy: nginx, upstream: backend }
        ---
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: admin }
        spec:
          container: backend
          port: 3001
          route: { proxy: nginx, upstream: admin, file: /srv/nginx/admin-upstream.conf }
        """;

    [Test]
    public void A_proxy_without_nginx_settings_uses_the_default_folder_and_commands()
    {
        using var folder = DesiredStateFolder.FromMinimal();

        var desired = DesiredStateLoader.Load(folder.Root, "test").Desired!;

        var proxy = desired.FindService(new ServiceName("nginx"))!;
        var api = desired.FindService(new ServiceName("api"))!;
        Assert.That(proxy.Nginx, Is.Null);
        Assert.That(proxy.NginxOrDefault.FileFor(api.Route!), Is.EqualTo("/etc/nginx/zentoria/backend.conf"));
        Assert.That(proxy.NginxOrDefault.Test.Arguments, Is.EqualTo(new[] { "nginx", "-t" }));
        Assert.That(proxy.NginxOrDefault.Reload.Arguments, Is.EqualTo(new[] { "nginx", "-s", "reload" }));
    }

    [Test]
    public void Nginx_settings_replace_the_defaults_they_name_and_a_route_file_wins_over_the_folder()
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string> { ["base/services.yaml"] = Proxy });

        var load = DesiredStateLoader.Load(folder.Root, "test");

        Assert.That(load.Errors, Is.Empty);
        var nginx = load.Desired!.FindService(new ServiceName("nginx"))!.Nginx!;
        Assert.That(nginx.UpstreamDir, Is.EqualTo("/srv/nginx/upstreams/"));
        Assert.That(nginx.Test.Arguments, Is.EqualTo(new[] { "/usr/sbin/nginx", "-p", "/srv/nginx", "-t" }));
        Assert.That(nginx.Reload, Is.EqualTo(NginxSpec.Default.Reload));
        Assert.That(nginx.FileFor(load.Desired.FindService(new ServiceName("api"))!.Route!), Is.EqualTo("/srv/nginx/upstreams/backend.conf"));
        Assert.That(nginx.FileFor(load.Desired.FindService(new ServiceName("admin"))!.Route!), Is.EqualTo("/srv/nginx/admin-upstream.conf"));
    }
}
