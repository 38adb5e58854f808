namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>A file in a simulated guest. Immutable: an atomic write replaces the whole record, so a reader holds the old one or the new.</summary>
internal sealed record SimulatedFile(ReadOnlyMemory<byte> Content, UnixFileMode Mode, GuestFileOwner? Owner, DateTimeOffset Written);
