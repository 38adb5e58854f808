using System.Globalization;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>A request after routing, authentication and parameter merging, as a handler sees it.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(RouteEntry route, IReadOnlyDictionary<string, string> routeValues, IReadOnlyDictionary<string, string> parameters, Identity identity)
    {
        Route = route;
        RouteValues = routeValues;
        Parameters = parameters;
        Identity = identity;
    }

    public RouteEntry Route { get; }

    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>Query and body parameters; JSON booleans already turned into "1"/"0".</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public Identity Identity { get; }

    /// <summary>An injected fault for the task this request starts, if any.</summary>
    public TaskFault? TaskFault { get; init; }

    public string Node => RouteValues["node"];

    public int VmId => ParseInteger("vmid", RouteValues["vmid"], 100, 999_999_999);

    public string? Optional(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Optional(name) ?? throw PveApiException.Parameter(name, "property is missing and it is not optional");

    public int? OptionalInteger(string name, int minimum, int maximum) =>
        Optional(name) is { } text ? ParseInteger(name, text, minimum, maximum) : null;

    public bool Flag(string name) => Optional(name) is { } text && ParseBoolean(name, text);

    public static bool ParseBoolean(string name, string text) => text switch
    {
        "1" => true,
        "0" => false,
        _ => throw PveApiException.Parameter(name, $"type check ('boolean') failed - got '{text}'"),
    };

    public static int ParseInteger(string name, string text, int minimum, int maximum)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw PveApiException.Parameter(name, $"type check ('integer') failed - got '{text}'");
        }

        if (value < minimum)
        {
            throw PveApiException.Parameter(name, $"value must have a minimum value of {minimum}");
        }

        if (value > maximum)
        {
            throw PveApiException.Parameter(name, $"value must have a maximum value of {maximum}");
        }

        return value;
    }
}
