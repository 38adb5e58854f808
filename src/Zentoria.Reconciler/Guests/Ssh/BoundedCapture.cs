using System.Buffers;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// Reads a stream to its end, keeping at most a fixed number of bytes. Reading continues past the cap and
/// discards, because SSH.NET acknowledges channel data as it arrives, not as it is read: whatever the reader
/// leaves in the command's pipe stays in memory, so the reader must keep up with a flood.
/// </summary>
internal sealed class BoundedCapture
{
    // Large reads drain everything buffered in one call, so the pipe never grows for long.
    private const int ChunkSize = 256 * 1024;

    private BoundedCapture(byte[] bytes, long totalBytes)
    {
        Bytes = bytes;
        TotalBytes = totalBytes;
    }

    public byte[] Bytes { get; }

    /// <summary>Everything the stream produced, kept or not.</summary>
    public long TotalBytes { get; }

    public bool Truncated => TotalBytes > Bytes.Length;

    /// <summary>
    /// Reads on a dedicated thread: SSH.NET's pipe only blocks (it has no asynchronous read), and a blocked
    /// thread-pool thread per stream would starve the pool under many concurrent commands.
    /// </summary>
    public static Task<BoundedCapture> ReadAsync(Stream stream, int maxBytes) =>
        Task.Factory.StartNew(() => Read(stream, maxBytes), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static BoundedCapture Read(Stream stream, int maxBytes)
    {
        var kept = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
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
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
