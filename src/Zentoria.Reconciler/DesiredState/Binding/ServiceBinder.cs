using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class ServiceBinder
{
    private static readonly string[] SpecKeys =
        ["container", "image", "version", "port", "dependsOn", "deploy", "health", "strategy", "migrations", "route", "drift", "windows"];

    private static readonly string[] DeployKeys = ["command"];
    private static readonly string[] MigrationKeys = ["command", "backup"];
    private static readonly string[] BackupKeys = ["snapshotOf", "dumpCommand"];
    private static readonly string[] RouteKeys = ["proxy", "upstream"];

    public static ServiceSpec? Bind(Document document, BindingContext context)
    {
        if (SpecMapping.Open(document, context, SpecKeys) is not { } spec)
        {
            return null;
        }

        var container = spec.String("container", required: true, Formats.CheckName);
        var image = spec.String("image", check: Formats.CheckImage);
        var version = spec.String("version", check: Formats.CheckVersion);
        var port = spec.Integer("port", required: true, 1, 65535);
        var dependsOn = DependsOn(spec);
        var deploy = Deploy(spec);
        if (spec.Has("version") && !spec.Has("deploy"))
        {
            spec.Error("version", "a service with a version needs a deploy command to install it; add deploy: { command: [...] }");
        }

        var health = HealthReader.Read(spec);
        if (health.ExpectVersion && !spec.Has("version"))
        {
            var path = spec.Child("health") + ".expectVersion";
            context.Errors.Add(context.Locations.Of(path, spec.LocationOf("health")), path,
                "expectVersion compares the answer with the service's version, but the service has no version");
        }

        return new ServiceSpec(
            new ServiceName(document.Name),
            new ContainerName(container ?? ""),
            image,
            version,
            port ?? 0,
            dependsOn,
            deploy,
            health,
            StrategyReader.Read(spec),
            Migrations(spec),
            Route(spec),
            CommonReaders.Drift(spec),
            document.Origin,
            CommonReaders.Windows(spec));
    }

    private static ImmutableArray<ServiceName> DependsOn(MappingReader spec)
    {
        var names = new List<ServiceName>();
        foreach (var (path, node) in spec.Items("dependsOn"))
        {
            if (ScalarReading.String(node, path, spec.Context.Errors, Formats.CheckName) is not { } name)
            {
                continue;
            }

            if (names.Contains(new ServiceName(name)))
            {
                spec.Context.Errors.Add(node.Location, path, $"'{name}' is listed twice");
            }
            else
            {
                names.Add(new ServiceName(name));
            }
        }

        return [.. names];
    }

    private static CommandTemplate? Deploy(MappingReader spec)
    {
        var deploy = spec.Mapping("deploy", DeployKeys);
        return deploy.Exists ? CommonReaders.Command(deploy, "command", required: true) : null;
    }

    private static MigrationSpec? Migrations(MappingReader spec)
    {
        var migrations = spec.Mapping("migrations", MigrationKeys);
        if (!migrations.Exists)
        {
            return null;
        }

        var command = CommonReaders.Command(migrations, "command", required: true);
        var backup = migrations.Mapping("backup", BackupKeys, required: true);
        var snapshotOf = backup.String("snapshotOf", check: Formats.CheckName);
        var dump = CommonReaders.Command(backup, "dumpCommand", required: false);
        if (backup.Exists && backup.Has("snapshotOf") == backup.Has("dumpCommand"))
        {
            backup.Context.Errors.Add(backup.Location, backup.Path,
                "a backup is either a snapshot (snapshotOf) or a dump (dumpCommand); set exactly one");
        }

        return command is null ? null : new MigrationSpec(command, new BackupSpec(snapshotOf is null ? null : new ContainerName(snapshotOf), dump));
    }

    private static RouteSpec? Route(MappingReader spec)
    {
        var route = spec.Mapping("route", RouteKeys);
        if (!route.Exists)
        {
            return null;
        }

        var proxy = route.String("proxy", required: true, Formats.CheckName);
        var upstream = route.String("upstream", required: true, Formats.CheckIdentifier);
        return new RouteSpec(new ServiceName(proxy ?? ""), upstream ?? "");
    }
}
