using System.Collections.Immutable;
using System.Text.Json;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.State;

/// <summary>
/// Records a step before it acts and its completion after, keyed by unit and step, in <c>journal.json</c> in
/// the state folder. A restarted operator reads <see cref="Pending"/> to resume what a <c>kill -9</c> cut short.
/// </summary>
/// <remarks>
/// Every change rewrites the whole file atomically (<see cref="AtomicFile"/>) before the in-memory copy
/// changes, so a step never acts on an intention that is not on disk. The journal holds the latest entry per
/// (unit, step), so it stays as small as the set of steps. Thread-safe.
/// </remarks>
internal sealed class Journal
{
    public const string FileName = "journal.json";

    private readonly Lock gate = new();
    private readonly string path;
    private readonly TimeProvider time;
    private ImmutableArray<JournalEntry> entries;

    private Journal(string path, TimeProvider time, ImmutableArray<JournalEntry> entries)
    {
        this.path = path;
        this.time = time;
        this.entries = entries;
    }

    public ImmutableArray<JournalEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries;
            }
        }
    }

    /// <summary>Reads the journal, or starts an empty one when none exists.</summary>
    /// <exception cref="InvalidDataException">
    /// The file exists but is not a journal this version can read. Atomic writes cannot produce that, so it was
    /// edited or damaged by hand; starting empty would forget steps, so the operator must not start.
    /// </exception>
    public static Journal Open(StateFolder folder, TimeProvider time)
    {
        AtomicFile.DeleteOrphans(folder.Path);
        var path = folder.File(FileName);
        if (!File.Exists(path))
        {
            return new Journal(path, time, []);
        }

        JournalDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.JournalDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid journal ({e.Message}); move it aside to start afresh.", e);
        }

        if (document is null || document.Version != JournalDocument.CurrentVersion || document.Entries.IsDefault)
        {
            throw new InvalidDataException($"{path} is not a version {JournalDocument.CurrentVersion} journal; move it aside to start afresh.");
        }

        return new Journal(path, time, document.Entries);
    }

    /// <summary>Steps that were intended and never confirmed: after a restart, re-check each before acting again.</summary>
    public ImmutableArray<JournalEntry> Pending() => [.. Entries.Where(e => e.State == JournalStepState.Intended)];

    public JournalEntry? Find(UnitKey unit, string step) =>
        Entries.FirstOrDefault(e => e.Key == unit && e.Step == step);

    /// <summary>Records, durably, that <paramref name="step"/> is about to act. Returns only once it is on disk.</summary>
    public JournalEntry Intend(UnitKey unit, string step, string revision, IReadOnlyDictionary<string, string>? facts = null)
    {
        var entry = new JournalEntry(unit.Kind, unit.Name, step, JournalStepState.Intended, revision,
            facts?.ToImmutableSortedDictionary(StringComparer.Ordinal) ?? ImmutableSortedDictionary<string, string>.Empty,
            time.GetUtcNow(), null);
        Change(list => Replace(list, entry));
        return entry;
    }

    /// <summary>Records that <paramref name="step"/> took effect. A step never intended is recorded as completed all the same.</summary>
    public JournalEntry Complete(UnitKey unit, string step)
    {
        var now = time.GetUtcNow();
        JournalEntry? completed = null;
        Change(list =>
        {
            var previous = list.FirstOrDefault(e => e.Key == unit && e.Step == step);
            completed = previous is null
                ? new JournalEntry(unit.Kind, unit.Name, step, JournalStepState.Completed, "", ImmutableSortedDictionary<string, string>.Empty, now, now)
                : previous with { State = JournalStepState.Completed, CompletedAt = now };
            return Replace(list, completed);
        });
        return completed!;
    }

    /// <summary>Drops every entry of <paramref name="unit"/>, for example once it has converged or is no longer desired.</summary>
    public void Forget(UnitKey unit) => Change(list => list.RemoveAll(e => e.Key == unit));

    private static ImmutableArray<JournalEntry> Replace(ImmutableArray<JournalEntry> list, JournalEntry entry) =>
        list.RemoveAll(e => e.Key == entry.Key && e.Step == entry.Step).Add(entry);

    private void Change(Func<ImmutableArray<JournalEntry>, ImmutableArray<JournalEntry>> change)
    {
        lock (gate)
        {
            var next = change(entries);
            var json = JsonSerializer.SerializeToUtf8Bytes(new JournalDocument(JournalDocument.CurrentVersion, next), StateJsonContext.Default.JournalDocument);
            AtomicFile.Write(path, json);
            entries = next;
        }
    }
}
