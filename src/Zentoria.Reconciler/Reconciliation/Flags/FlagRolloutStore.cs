using System.Collections.Immutable;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>
/// The progressive rollouts in flight, in <c>flag-rollouts.json</c> in the state folder, so a restarted operator
/// continues a rollout at its step instead of starting it again. A finished rollout leaves no record.
/// </summary>
/// <remarks>Read from disk on every question (the file is small); thread-safe.</remarks>
internal sealed class FlagRolloutStore(StateFolder folder)
{
    public const string FileName = "flag-rollouts.json";

    private readonly Lock gate = new();

    private string Path => folder.File(FileName);

    public ImmutableArray<FlagRolloutRecord> Of(string flagSet)
    {
        lock (gate)
        {
            return [.. Load().Rollouts.Where(r => r.FlagSet == flagSet)];
        }
    }

    /// <summary>Makes <paramref name="records"/> the flag set's records; writes only when they changed.</summary>
    public void Replace(string flagSet, IEnumerable<FlagRolloutRecord> records)
    {
        lock (gate)
        {
            var document = Load();
            var current = document.Rollouts.Where(r => r.FlagSet == flagSet).OrderBy(r => r.Flag, StringComparer.Ordinal).ToList();
            var next = records.OrderBy(r => r.Flag, StringComparer.Ordinal).ToList();
            if (current.SequenceEqual(next))
            {
                return;
            }

            var rollouts = document.Rollouts.RemoveAll(r => r.FlagSet == flagSet).AddRange(next);
            JsonStateFile.Write(Path, document with { Rollouts = rollouts }, FlagRolloutJsonContext.Default.FlagRolloutDocument);
        }
    }

    private FlagRolloutDocument Load()
    {
        var document = JsonStateFile.Read(Path, FlagRolloutJsonContext.Default.FlagRolloutDocument)
            ?? new FlagRolloutDocument(FlagRolloutDocument.CurrentVersion, []);
        return document.Version == FlagRolloutDocument.CurrentVersion && !document.Rollouts.IsDefault
            ? document
            : throw new InvalidDataException($"{Path} is not a version {FlagRolloutDocument.CurrentVersion} flag rollout record; move it aside to start afresh.");
    }
}
