using System.Text.RegularExpressions;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>Reads a service's <c>nginx:</c> settings and a route's fields.</summary>
internal static partial class NginxReader
{
    private static readonly string[] Keys = ["upstreamDir", "test", "reload"];
    private static readonly string[] CommandKeys = ["command"];
    private static readonly string[] RouteKeys = ["proxy", "upstream", "file"];

    public static NginxSpec? Read(MappingReader spec)
    {
        var nginx = spec.Mapping("nginx", Keys);
        if (!nginx.Exists)
        {
            return null;
        }

        var defaults = NginxSpec.Default;
        return new NginxSpec(
            nginx.String("upstreamDir", check: Formats.CheckAbsolutePath) ?? defaults.UpstreamDir,
            Command(nginx, "test") ?? defaults.Test,
            Command(nginx, "reload") ?? defaults.Reload);
    }

    public static RouteSpec? Route(MappingReader spec)
    {
        var route = spec.Mapping("route", RouteKeys);
        if (!route.Exists)
        {
            return null;
        }

        var proxy = route.String("proxy", required: true, Formats.CheckName);
        var upstream = route.String("upstream", required: true, Formats.CheckIdentifier);
        var file = route.String("file", check: Formats.CheckAbsolutePath);
        return new RouteSpec(new ServiceName(proxy ?? ""), upstream ?? "") { File = file };
    }

    private static CommandTemplate? Command(MappingReader nginx, string key)
    {
        var holder = nginx.Mapping(key, CommandKeys);
        if (!holder.Exists || CommonReaders.Command(holder, "command", required: true) is not { } command)
        {
            return null;
        }

        // Only what is known when an upstream file is written can be filled in; {version} would have no value.
        for (var i = 0; i < command.Arguments.Length; i++)
        {
            foreach (Match match in Placeholder().Matches(command.Arguments[i]))
            {
                if (!NginxSpec.Placeholders.Contains(match.Groups[1].Value))
                {
                    var path = $"{holder.Child("command")}[{i}]";
                    var allowed = string.Join(", ", NginxSpec.Placeholders.Select(p => "{" + p + "}"));
                    holder.Context.Errors.Add(holder.Context.Locations.Of(path, holder.Location), path,
                        $"'{match.Value}' has no value in an NGINX command; it may use {allowed}");
                }
            }
        }

        return command;
    }

    [GeneratedRegex("{([A-Za-z]+)}")]
    private static partial Regex Placeholder();
}
