using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>
/// Which (service, version) migrations succeeded, in <c>migrations.json</c> in the state folder: the database
/// keeps no record the operator could read back for every migration tool, and running one twice is not safe.
/// </summary>
/// <remarks>Read from disk on every question, so a restarted or second instance sees what the first recorded. Thread-safe.</remarks>
internal sealed class MigrationRecords(StateFolder folder)
{
    public const string FileName = "migrations.json";

    private readonly Lock gate = new();

    private string Path => folder.File(FileName);

    public MigrationRecord? Find(string service, string version)
    {
        lock (gate)
        {
            return Load().Migrations.FirstOrDefault(r => r.Service == service && r.Version == version);
        }
    }

    public void Add(MigrationRecord record)
    {
        lock (gate)
        {
            var document = Load();
            var kept = document.Migrations.RemoveAll(r => r.Service == record.Service && r.Version == record.Version);
            JsonStateFile.Write(Path, document with { Migrations = kept.Add(record) }, MigrationJsonContext.Default.MigrationRecordsDocument);
        }
    }

    private MigrationRecordsDocument Load()
    {
        var document = JsonStateFile.Read(Path, MigrationJsonContext.Default.MigrationRecordsDocument)
            ?? new MigrationRecordsDocument(MigrationRecordsDocument.CurrentVersion, []);
        return document.Version == MigrationRecordsDocument.CurrentVersion && !document.Migrations.IsDefault
            ? document
            : throw new InvalidDataException($"{Path} is not a version {MigrationRecordsDocument.CurrentVersion} migrations record; move it aside to start afresh.");
    }
}
