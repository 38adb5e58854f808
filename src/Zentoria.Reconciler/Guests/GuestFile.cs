namespace Zentoria.Reconciler.Guests;

/// <summary>A file read from, or just written to, a guest.</summary>
internal sealed record GuestFile(string Path, ReadOnlyMemory<byte> Content);
