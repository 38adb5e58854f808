using System.Text.Json;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Audit;

/// <summary>
/// Appends one JSON line per mutating action and per control decision (approve, suspend, …) to <c>audit.jsonl</c> in the state folder, flushed to disk before
/// <see cref="Append"/> returns, and rotates by size. Text fields pass through the <see cref="SecretRedactor"/>.
/// </summary>
/// <remarks>Thread-safe. The file is opened per line: actions are rare, and it lets people move or truncate it.</remarks>
internal sealed class AuditTrail(StateFolder folder, AuditOptions options, SecretRedactor redactor)
{
    public const string FileName = "audit.jsonl";

    private readonly Lock gate = new();

    public string CurrentPath => folder.File(FileName);

    public void Append(AuditRecord record)
    {
        var safe = record with
        {
            Revision = redactor.Redact(record.Revision),
            Unit = redactor.Redact(record.Unit),
            Action = redactor.Redact(record.Action),
            Before = redactor.RedactOrNull(record.Before),
            After = redactor.RedactOrNull(record.After),
            Error = redactor.RedactOrNull(record.Error),
            Actor = redactor.Redact(record.Actor),
        };
        var line = JsonSerializer.SerializeToUtf8Bytes(safe, StateJsonContext.Default.AuditRecord);
        lock (gate)
        {
            var current = new FileInfo(CurrentPath);
            if (current.Exists && current.Length > 0 && current.Length + line.Length + 1 > options.MaxFileBytes)
            {
                Rotate();
            }

            using var stream = new FileStream(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(line);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The path of the <paramref name="generation"/>-th rotated file (1 is the newest).</summary>
    public string RotatedPath(int generation) => folder.File($"audit.{generation}.jsonl");

    private void Rotate()
    {
        File.Delete(RotatedPath(options.KeepFiles));
        for (var generation = options.KeepFiles - 1; generation >= 1; generation--)
        {
            if (File.Exists(RotatedPath(generation)))
            {
                File.Move(RotatedPath(generation), RotatedPath(generation + 1));
            }
        }

        File.Move(CurrentPath, RotatedPath(1));
    }
}
