using System.Text.Json;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Notifications;

/// <summary>
/// The notifications outbox and duplicate guard, persisted in <c>notifications.json</c> with <see cref="AtomicFile"/>
/// after every change: an event is recorded before the first attempt, so a restart neither loses an undelivered
/// one nor sends a delivered one again.
/// </summary>
/// <remarks>Thread-safe: the pass adds while the sender delivers.</remarks>
internal sealed class NotificationLedger
{
    public const string FileName = "notifications.json";

    private readonly Lock gate = new();
    private readonly string path;
    private readonly int remember;
    private LedgerDocument document;

    private NotificationLedger(string path, int remember, LedgerDocument document)
    {
        this.path = path;
        this.remember = remember;
        this.document = document;
    }

    /// <exception cref="JsonException">When the file is corrupt: a start-up fault, since guessing could send duplicates.</exception>
    public static NotificationLedger Open(StateFolder folder, int remember)
    {
        var path = folder.File(FileName);
        var document = File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), NotificationJsonContext.Default.LedgerDocument) ?? LedgerDocument.Empty
            : LedgerDocument.Empty;
        return new NotificationLedger(path, remember, document);
    }

    public IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return document.Entries;
            }
        }
    }

    /// <summary>Records <paramref name="e"/> to be sent; false when the same event was recorded before.</summary>
    public bool TryAdd(NotificationEvent e)
    {
        lock (gate)
        {
            if (document.Entries.Any(x => x.Event.Key == e.Key))
            {
                return false;
            }

            var entries = document.Entries.Add(new LedgerEntry(e, [], 0, e.At, Finished: false));
            var finished = entries.Count(x => x.Finished);
            if (finished > remember)
            {
                // Forget the oldest finished ones; unfinished entries are never dropped.
                var drop = entries.Where(x => x.Finished).Take(finished - remember).ToHashSet();
                entries = [.. entries.Where(x => !drop.Contains(x))];
            }

            Save(new LedgerDocument(entries));
            return true;
        }
    }

    /// <summary>Unfinished entries whose next attempt is due at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Due(DateTimeOffset now) =>
        [.. Entries.Where(e => !e.Finished && e.NextAttemptAt <= now)];

    /// <summary>The earliest next attempt of any unfinished entry; null when nothing waits.</summary>
    public DateTimeOffset? NextDue() => Entries.Where(e => !e.Finished).Min(e => e.NextAttemptAt);

    public void Update(LedgerEntry next)
    {
        lock (gate)
        {
            for (var i = 0; i < document.Entries.Length; i++)
            {
                if (document.Entries[i].Event.Key == next.Event.Key)
                {
                    Save(new LedgerDocument(document.Entries.SetItem(i, next)));
                    return;
                }
            }
        }
    }

    // Called under the lock; the file is replaced before memory changes.
    private void Save(LedgerDocument next)
    {
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(next, NotificationJsonContext.Default.LedgerDocument));
        document = next;
    }
}
