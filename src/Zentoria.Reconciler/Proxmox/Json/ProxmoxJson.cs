using System.Text.Json;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The serializer settings for every Proxmox payload. Proxmox sends numbers as strings, booleans as 0/1 or
/// <c>""</c>, and adds enum values between releases, so every primitive goes through a lenient converter.
/// </summary>
internal static class ProxmoxJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new LenientInt64Converter());
        options.Converters.Add(new LenientInt32Converter());
        options.Converters.Add(new LenientDoubleConverter());
        options.Converters.Add(new LenientBooleanConverter());
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new TolerantEnumConverterFactory());
        options.Converters.Add(new VmIdJsonConverter());
        options.Converters.Add(new NodeNameJsonConverter());
        options.Converters.Add(new UpidJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
