using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Reads a JSON number that may arrive as a number, a string (<c>"101"</c>, <c>"0.5"</c>), <c>""</c> or a boolean.</summary>
internal static class LenientNumber
{
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return 0;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                throw new JsonException($"'{Truncate(text)}' is not a number.");
            default:
                throw new JsonException($"Expected a number, got {reader.TokenType}.");
        }
    }

    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole))
        {
            return whole;
        }

        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence
            && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) && consumed == reader.ValueSpan.Length)
        {
            return parsed;
        }

        return checked((long)Math.Round(ReadDouble(ref reader)));
    }

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32];
}
