using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Zentoria.Reconciler.State;

/// <summary>
/// A small JSON record in the state folder (what a restart must remember and cannot observe), replaced
/// atomically on every change.
/// </summary>
internal static class JsonStateFile
{
    /// <returns>The file's content, or null when there is no file yet.</returns>
    /// <exception cref="InvalidDataException">
    /// The file is not what this version wrote. Atomic writes cannot produce that, so it was edited or damaged by
    /// hand; guessing would forget what the operator must remember, so the caller must not go on.
    /// </exception>
    public static T? Read<T>(string path, JsonTypeInfo<T> type)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), type)
                ?? throw new InvalidDataException($"{path} holds null; move it aside to start afresh.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid ({e.Message}); move it aside to start afresh.", e);
        }
    }

    public static void Write<T>(string path, T value, JsonTypeInfo<T> type) =>
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(value, type));
}
