using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class HealthReader
{
    private static readonly string[] Keys = ["type", "path", "expectStatus", "expectVersion", "retries", "interval", "timeout", "command"];
    private static readonly string[] HttpOnlyKeys = ["path", "expectStatus", "expectVersion"];

    public static HealthSpec Read(MappingReader spec)
    {
        var health = spec.Mapping("health", Keys);
        if (!health.Exists)
        {
            return HealthSpec.Default;
        }

        var defaults = HealthSpec.Default;
        var type = health.Enum("type", EnumNames.HealthChecks) ?? defaults.Type;
        if (type != HealthCheckKind.Http)
        {
            foreach (var key in HttpOnlyKeys.Where(health.Has))
            {
                health.Error(key, $"only an http health check has {key}");
            }
        }

        if (type != HealthCheckKind.Command && health.Has("command"))
        {
            health.Error("command", "only a command health check runs a command; set type: command");
        }

        var interval = health.Duration("interval") ?? defaults.Interval;
        var timeout = health.Duration("timeout") ?? defaults.Timeout;
        if (timeout >= interval && (health.Has("timeout") || health.Has("interval")))
        {
            health.Error("timeout", "the timeout must be shorter than the interval between checks");
        }

        return new HealthSpec(
            type,
            health.String("path", check: Formats.CheckHttpPath) ?? defaults.Path,
            health.Integer("expectStatus", min: 100, max: 599) ?? defaults.ExpectStatus,
            health.Boolean("expectVersion") ?? defaults.ExpectVersion,
            health.Integer("retries", min: 1) ?? defaults.Retries,
            interval,
            timeout,
            CommonReaders.Command(health, "command", required: type == HealthCheckKind.Command));
    }
}
