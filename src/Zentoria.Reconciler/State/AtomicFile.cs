namespace Zentoria.Reconciler.State;

/// <summary>
/// Replaces a file so that a reader, or a restart after <c>kill -9</c>, sees either the old content or the new,
/// never a mix: write a temporary file in the same folder, flush it to disk, then rename it over the target.
/// </summary>
/// <remarks>
/// rename(2) within one file system is atomic, hence the same folder. The folder itself is not fsynced
/// (.NET cannot open a directory handle); that only matters for power loss, not for a killed process, whose
/// written pages the kernel keeps.
/// </remarks>
internal static class AtomicFile
{
    public const string TemporarySuffix = ".tmp";

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes; if it throws, the target is untouched.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Deletes temporary files left by a writer killed between create and rename; they were never visible.</summary>
    public static int DeleteOrphans(string folder)
    {
        var orphans = Directory.GetFiles(folder, $".*{TemporarySuffix}");
        foreach (var orphan in orphans)
        {
            File.Delete(orphan);
        }

        return orphans.Length;
    }
}
