namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// Reads a stream to its end, keeping at most a fixed number of bytes. Reading continues past the cap and
/// discards, because a command whose output nobody reads would stall (or, in SSH.NET's unbounded pipe, pile
/// up in memory); this way a flood costs one small buffer.
/// </summary>
internal sealed class BoundedCapture
{
    private const int ChunkSize = 64 * 1024;

    private BoundedCapture(byte[] bytes, long totalBytes)
    {
        Bytes = bytes;
        TotalBytes = totalBytes;
    }

    public byte[] Bytes { get; }

    /// <summary>Everything the stream produced, kept or not.</summary>
    public long TotalBytes { get; }

    public bool Truncated => TotalBytes > Bytes.Length;

    public static async Task<BoundedCapture> ReadAsync(Stream stream, int maxBytes)
    {
        var kept = new MemoryStream();
        var chunk = new byte[ChunkSize];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(chunk)) > 0)
        {
            total += read;
            var room = maxBytes - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(chunk, 0, Math.Min(room, read));
            }
        }

        return new BoundedCapture(kept.ToArray(), total);
    }
}
