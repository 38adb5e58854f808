using Zentoria.Reconciler.Guests;

namespace Zentoria.Reconciler.Routing;

/// <summary>Reads an upstream file through the proxy's guest shell: live routing is the file, so hand edits are drift.</summary>
internal static class UpstreamReader
{
    /// <summary>Far above any upstream file the operator writes; a larger file is not one of them.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<LiveUpstream> ReadAsync(IGuestShell proxy, string file, CancellationToken cancellationToken)
    {
        var read = await proxy.ReadFileAsync(file, MaxBytes, cancellationToken);
        return read.Succeeded
            ? Of(file, read.Value.Content.Span)
            : read.Error.Kind == GuestErrorKind.FileNotFound
                ? new LiveUpstream(file, UpstreamFileState.Missing, null, null)
                : new LiveUpstream(file, UpstreamFileState.Unknown, null, $"cannot read it: {read.Error}");
    }

    public static LiveUpstream Of(string file, ReadOnlySpan<byte> content)
    {
        var reading = UpstreamFile.Read(content);
        return reading switch
        {
            { Routing: { } routing } => new LiveUpstream(file, UpstreamFileState.Owned, routing, null),
            { Owned: true } => new LiveUpstream(file, UpstreamFileState.Unreadable, null, $"edited by hand into something else: {reading.Error}"),
            _ => new LiveUpstream(file, UpstreamFileState.NotOwned, null, reading.Error),
        };
    }
}
