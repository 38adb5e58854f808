using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Sandbox;

/// <summary>
/// Teaches a proxy's simulated guest what the operator runs there: <c>mkdir -p</c> for the upstream folder,
/// <c>nginx -t</c> (every upstream file routed through this proxy must parse with the Routing parser, as NGINX
/// would refuse a broken one) and <c>nginx -s reload</c>, which makes <see cref="SandboxNginxRouter"/> route by the
/// files as they are then.
/// </summary>
internal static class SandboxNginx
{
    /// <summary>The upstream files routed through <paramref name="proxy"/>: what <c>nginx -t</c> checks.</summary>
    public static ImmutableArray<string> FilesOf(Desired desired, ServiceSpec proxy) => [.. UpstreamsOf(desired, proxy).Select(u => u.File)];

    /// <summary>Each upstream routed through <paramref name="proxy"/> with its file.</summary>
    public static ImmutableArray<(string Upstream, string File)> UpstreamsOf(Desired desired, ServiceSpec proxy) =>
        [.. desired.Services.Where(s => s.Route is { } route && route.Proxy == proxy.Name).Select(s => (s.Route!.Upstream, proxy.NginxOrDefault.FileFor(s.Route!)))];

    /// <param name="router">Loads the upstream files at each <c>nginx -s reload</c>; null when nothing routes requests.</param>
    public static void Teach(SimulatedGuestShell shell, ImmutableArray<string> files, SandboxNginxRouter? router = null)
    {
        shell.Handle("mkdir", arguments => arguments is ["mkdir", "-p", ..]
            ? Ok("")
            : new GuestCommandResult(1, "", "mkdir: the sandbox knows only 'mkdir -p'\n", false, false));
        shell.Handle("nginx", arguments => arguments switch
        {
            ["nginx", "-t"] => Test(shell, files),
            ["nginx", "-s", "reload"] => Reload(router),
            _ => new GuestCommandResult(1, "", "nginx: the sandbox knows only 'nginx -t' and 'nginx -s reload'\n", false, false),
        });
    }

    private static GuestCommandResult Test(SimulatedGuestShell shell, ImmutableArray<string> files)
    {
        foreach (var file in files)
        {
            if (shell.Find(file) is { } present && UpstreamFile.Read(present.Content.Span) is { Owned: true, Error: { } error })
            {
                return new GuestCommandResult(1, "", $"nginx: [emerg] {error} in {file}\nnginx: configuration file test failed\n", false, false);
            }
        }

        return new GuestCommandResult(0, "", "nginx: the configuration file syntax is ok\nnginx: configuration file test is successful\n", false, false);
    }

    private static GuestCommandResult Reload(SandboxNginxRouter? router)
    {
        router?.Reload();
        return Ok("");
    }

    private static GuestCommandResult Ok(string stdout) => new(0, stdout, "", false, false);
}
