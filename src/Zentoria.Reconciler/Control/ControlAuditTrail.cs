using System.Text.Json;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// Appends control actions to <c>control-audit.jsonl</c> in the state folder, one JSON line each, flushed before
/// <see cref="Append"/> returns.
/// </summary>
/// <remarks>
/// A file apart from the action trail (<c>audit.jsonl</c>): its records carry who asked, which an action record has no
/// field for, and people issue control actions a few times a day, so it needs no rotation. Thread-safe.
/// </remarks>
internal sealed class ControlAuditTrail(StateFolder folder, SecretRedactor redactor)
{
    public const string FileName = "control-audit.jsonl";

    private readonly Lock gate = new();

    public string Path => folder.File(FileName);

    public void Append(ControlAuditRecord record)
    {
        var safe = record with
        {
            Target = redactor.Redact(record.Target),
            Actor = redactor.Redact(record.Actor),
            Detail = redactor.RedactOrNull(record.Detail),
        };
        var line = JsonSerializer.SerializeToUtf8Bytes(safe, ControlJsonContext.Default.ControlAuditRecord);
        lock (gate)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(line);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }
    }
}
