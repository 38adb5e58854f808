using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class ServiceBinder
{
    private static readonly string[] SpecKeys =
        ["container", "image", "version", "port", "dependsOn", "deploy", "health", "strategy", "migrations", "route", "nginx", "drift", "windows"];

    private static readonly string[] DeployKeys = ["command", "snapshot", "timeout", "versionCommand"];
    private static readonly string[] MigrationKeys = ["command", "backup", "timeout"];
    private static readonly string[] BackupKeys = ["snapshotOf", "dump"];
    private static readonly string[] DumpKeys = ["container", "command", "path", "restore"];

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
        var deployMapping = spec.Mapping("deploy", DeployKeys);
        var deploy = deployMapping.Exists ? CommonReaders.Command(deployMapping, "command", required: true) : null;
        if (spec.Has("version") && !spec.Has("deploy"))
        {
            spec.Error("version", "a service with a version needs a deploy command to install it; add deploy: { command: [...] }");
        }

        var health = HealthReader.Read(spec);
        var settings = DeploySettingsOf(spec, deployMapping, health);
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
            settings,
            health,
            StrategyReader.Read(spec),
            Migrations(spec),
            NginxReader.Route(spec),
            CommonReaders.Drift(spec),
            document.Origin,
            CommonReaders.Windows(spec))
        {
            Nginx = NginxReader.Read(spec),
        };
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

    private static DeploySettings DeploySettingsOf(MappingReader spec, MappingReader deploy, HealthSpec health)
    {
        var versionCommand = CommonReaders.Command(deploy, "versionCommand", required: false);
        if (deploy.Has("versionCommand") && !spec.Has("version"))
        {
            deploy.Error("versionCommand", "only a service with a version has a version to read; set version or remove versionCommand");
        }
        else if (spec.Has("version") && !deploy.Has("versionCommand") && health.Type != HealthCheckKind.Http)
        {
            // The version is read from the http health answer's JSON; a tcp or command check answers none.
            spec.Error("version", $"the running version cannot be read from a {health.Type.ToString().ToLowerInvariant()} health check; "
                + "add deploy.versionCommand (such as [\"cat\", \"/opt/zentoria/VERSION\"]) or use an http health check");
        }

        if (!deploy.Exists)
        {
            return DeploySettings.Default;
        }

        return new DeploySettings(
            deploy.Boolean("snapshot") ?? DeploySettings.Default.Snapshot,
            deploy.Duration("timeout") ?? DeploySettings.Default.Timeout,
            versionCommand);
    }

    private static MigrationSpec? Migrations(MappingReader spec)
    {
        var migrations = spec.Mapping("migrations", MigrationKeys);
        if (!migrations.Exists)
        {
            return null;
        }

        var command = CommonReaders.Command(migrations, "command", required: true);
        var timeout = migrations.Duration("timeout") ?? MigrationSpec.DefaultTimeout;
        var backup = migrations.Mapping("backup", BackupKeys, required: true);
        var snapshotOf = backup.String("snapshotOf", check: Formats.CheckName);
        var dump = Dump(backup);
        if (backup.Exists && backup.Has("snapshotOf") == backup.Has("dump"))
        {
            backup.Context.Errors.Add(backup.Location, backup.Path,
                "a backup is either a snapshot (snapshotOf) or a dump (dump: { container, command, path, restore }); set exactly one");
        }

        return command is null ? null : new MigrationSpec(command, new BackupSpec(snapshotOf is null ? null : new ContainerName(snapshotOf), dump)) { Timeout = timeout };
    }

    private static DumpSpec? Dump(MappingReader backup)
    {
        var dump = backup.Mapping("dump", DumpKeys);
        if (!dump.Exists)
        {
            return null;
        }

        var container = dump.String("container", required: true, Formats.CheckName);
        var command = CommonReaders.Command(dump, "command", required: true);
        var path = dump.String("path", required: true, Formats.CheckAbsolutePath);
        var restore = CommonReaders.Command(dump, "restore", required: true);
        return container is null || command is null || path is null || restore is null
            ? null
            : new DumpSpec(new ContainerName(container), command, path, restore);
    }
}
