using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The serializer settings for every Proxmox payload. Proxmox sends numbers as strings, booleans as 0/1 or
/// <c>""</c>, and adds enum values between releases, so every primitive goes through a lenient converter.
/// </summary>
internal static class ProxmoxJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The generated contract of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = ProxmoxJsonContext.Default };
        options.Converters.Add(new LenientInt64Converter());
        options.Converters.Add(new LenientInt32Converter());
        options.Converters.Add(new LenientDoubleConverter());
        options.Converters.Add(new LenientBooleanConverter());
        options.Converters.Add(new LenientStringConverter());
        // One per enum the answers carry, named rather than made by a factory: Native AOT cannot make generic types at run time.
        options.Converters.Add(new TolerantEnumConverter<GuestPowerState>());
        options.Converters.Add(new TolerantEnumConverter<ClusterResourceType>());
        options.Converters.Add(new TolerantEnumConverter<TaskState>());
        options.Converters.Add(new TolerantEnumConverter<NodeStatus>());
        options.Converters.Add(new VmIdJsonConverter());
        options.Converters.Add(new NodeNameJsonConverter());
        options.Converters.Add(new UpidJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
