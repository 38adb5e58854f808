using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning.Snapshots;

/// <summary>The JSON form of a <see cref="LiveState"/>, documented in <c>docs/plan-json.md</c>.</summary>
internal static class LiveSnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = LiveSnapshotJsonContext.Default,
        WriteIndented = true,

        // A snapshot is written by hand as often as by a program: a misspelt or missing field must be an
        // error, not a silent default that makes the planner see drift that is not there.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        NumberHandling = JsonNumberHandling.Strict,
        Converters =
        {
            new JsonStringEnumConverter<PowerState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new VmIdJsonConverter(),
            new NameJsonConverter<NodeName>(s => new NodeName(s), n => n.Value),
            new NameJsonConverter<ServiceName>(s => new ServiceName(s), n => n.Value),
        },
    };

    public static JsonTypeInfo<LiveState> State { get; } = (JsonTypeInfo<LiveState>)Options.GetTypeInfo(typeof(LiveState));

    public static string Write(LiveState state) => JsonSerializer.Serialize(state, State) + "\n";
}
