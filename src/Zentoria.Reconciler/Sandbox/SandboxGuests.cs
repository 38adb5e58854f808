using System.Collections.Immutable;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Simulated;

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

    /// <summary>Puts every service of <paramref name="desired"/> into its container at the version <paramref name="versionOf"/> gives.</summary>
    public static void AddServices(SimulatedGuests guests, Desired desired, Func<ServiceSpec, string?> versionOf)
    {
        foreach (var service in desired.Services)
        {
            if (desired.FindContainer(service.Container) is not { } container)
            {
                continue;
            }

            var version = versionOf(service);
            guests.AddService(container, service, version);
            var shell = guests.Shell(container.Name.Value);
            if (version is not null)
            {
                shell.Seed(VersionFile(service.Name.Value), Encoding.UTF8.GetBytes(version + "\n"));
            }

            shell.Handle(DeployScript, arguments => Deploy(guests, shell, arguments));
            shell.Handle("npx", Migrate);
            if (desired.Services.Any(s => s.Route?.Proxy == service.Name))
            {
                SandboxNginx.Teach(shell, SandboxNginx.FilesOf(desired, service));
            }
        }
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
