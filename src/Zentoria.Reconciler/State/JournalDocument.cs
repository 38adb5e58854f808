using System.Collections.Immutable;

namespace Zentoria.Reconciler.State;

/// <summary>The journal file's content; <paramref name="Version"/> lets a later format refuse an older file clearly.</summary>
internal sealed record JournalDocument(int Version, ImmutableArray<JournalEntry> Entries)
{
    public const int CurrentVersion = 1;
}
