using System.Collections.Immutable;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Sandbox;

/// <summary>
/// Teaches the simulated guests the sandbox's commands: <c>/opt/zentoria/deploy.sh &lt;image&gt; &lt;version&gt;</c>
/// switches the version the container's service with that image runs (and writes its <c>VERSION</c> file), and
/// <c>npx prisma migrate deploy</c> succeeds with nothing to apply.
/// </summary>
internal static class SandboxGuests
{
    public const string DeployScript = "/opt/zentoria/deploy.sh";

    public static string VersionFile(string service) => $"/opt/zentoria/{service}/VERSION";

    /// <summary>
    /// Puts every service of <paramref name="desired"/> into its container at the version <paramref name="versionOf"/>
    /// gives, with a temporary clone for each service whose strategy has <c>cloneVmid</c> and <c>cloneIp</c>; the
    /// proxies route requests by the operator's upstream files (<see cref="SandboxNginxRouter"/>).
    /// </summary>
    public static void AddServices(SimulatedGuests guests, Desired desired, Func<ServiceSpec, string?> versionOf)
    {
        foreach (var service in desired.Services)
        {
            if (desired.FindContainer(service.Container) is not { } container)
            {
                continue;
            }

            var version = versionOf(service);
            var added = guests.AddService(container, service, version);
            var shell = guests.Shell(container.Name.Value);
            if (version is not null)
            {
                shell.Seed(VersionFile(service.Name.Value), Encoding.UTF8.GetBytes(version + "\n"));
            }

            Teach(guests, shell);
            if (desired.Services.Any(s => s.Route?.Proxy == service.Name))
            {
                var router = new SandboxNginxRouter(shell, SandboxNginx.UpstreamsOf(desired, service), guests.Time);
                SandboxNginx.Teach(shell, SandboxNginx.FilesOf(desired, service), router);
                added.OtherPaths = router.ForwardAsync;
            }

            if (service.Strategy is { CloneVmId: not null, CloneIp: not null } strategy)
            {
                var clone = BlueGreenSides.CloneOf(container, strategy);
                guests.AddClone(clone, service);
                Teach(guests, guests.Shell(clone.Name.Value));
            }
        }
    }

    /// <summary>
    /// Gives every routed service without an upstream file one that sends all its traffic to its own container, as
    /// a stack that ran before the operator would have; call once the services answer (their ports are known then).
    /// </summary>
    public static void RouteToOriginals(SimulatedGuests guests, Desired desired)
    {
        foreach (var service in desired.Services)
        {
            if (UpstreamTarget.For(desired, service) is not { } target || desired.FindContainer(service.Container) is not { } container
                || guests.EndpointOf(container, service) is not { } endpoint)
            {
                continue;
            }

            var proxy = guests.Shell(target.ProxyContainer.Value);
            var routing = UpstreamRouting.All(target.Upstream, UpstreamPool.Stable, new UpstreamEndpoint(endpoint.Address, endpoint.Port));
            if (proxy.Find(target.File) is null && UpstreamFile.Render(routing, service.Name).Content is { } content)
            {
                proxy.Seed(target.File, content);
            }
        }
    }

    private static void Teach(SimulatedGuests guests, SimulatedGuestShell shell)
    {
        shell.Handle(DeployScript, arguments => Deploy(guests, shell, arguments));
        shell.Handle("npx", Migrate);
    }

    private static GuestCommandResult Deploy(SimulatedGuests guests, SimulatedGuestShell shell, ImmutableArray<string> arguments)
    {
        if (arguments is not [_, var image, var version])
        {
            return new GuestCommandResult(2, "", $"usage: {DeployScript} <image> <version>\n", false, false);
        }

        var service = guests.ServicesIn(shell.Name).FirstOrDefault(s => s.Image == image);
        if (service is null)
        {
            return new GuestCommandResult(1, "", $"{DeployScript}: no service in {shell.Name} runs {image}\n", false, false);
        }

        service.Version = version;
        shell.Seed(VersionFile(service.Name), Encoding.UTF8.GetBytes(version + "\n"));
        return new GuestCommandResult(0, $"{image}:{version} is running\n", "", false, false);
    }

    private static GuestCommandResult Migrate(ImmutableArray<string> arguments) => arguments is ["npx", "prisma", "migrate", "deploy"]
        ? new GuestCommandResult(0, "No pending migrations to apply.\n", "", false, false)
        : new GuestCommandResult(1, "", $"npx: the sandbox knows only 'npx prisma migrate deploy', not '{string.Join(' ', arguments.Skip(1))}'\n", false, false);
}
