using System.Security.Cryptography;
using System.Text;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Sources;

/// <summary>A desired-state folder on local disk, as before git sources existed.</summary>
/// <remarks>
/// The revision is the loader's content hash. When the folder does not load, a hash of the load errors stands
/// in, so a broken folder still gets a revision that differs from the last valid one and the caller can report
/// it as rejected. Every fetch reads the files again but parses and validates them only when their names or bytes
/// changed: at thousands of units that is seconds of CPU per pass for the same answer.
/// </remarks>
internal sealed class FolderSource(string folder, string environment, TimeProvider time) : IDesiredStateSource
{
    private (string ContentHash, string Revision)? last;

    public string Description => $"folder {folder}";

    /// <summary>Always null: a folder is read in place, so there is no older copy to fall back on.</summary>
    public SourceSnapshot? LastApplied => null;

    public void MarkApplied(SourceSnapshot snapshot)
    {
        // Nothing to remember: the folder itself is the only copy.
    }

    public Task<SourceFetchResult> FetchAsync(CancellationToken cancellationToken)
    {
        if (DesiredStateFiles.CheckNotEmpty(folder, folder) is { } empty)
        {
            return Task.FromResult(SourceFetchResult.Fail(SourceFailureKind.Empty, empty));
        }

        var read = DesiredStateLoader.Read(folder, environment);
        if (read.ContentHash is { } hash && last is { } previous && previous.ContentHash == hash)
        {
            return Task.FromResult(SourceFetchResult.Of(new SourceSnapshot(folder, previous.Revision, time.GetUtcNow())));
        }

        var loaded = DesiredStateLoader.Load(read);
        var revision = loaded.IsValid
            ? loaded.Desired.Revision
            : "invalid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', loaded.Errors.Select(e => e.ToString())))))[..12];
        last = read.ContentHash is { } readHash ? (readHash, revision) : null;
        return Task.FromResult(SourceFetchResult.Of(new SourceSnapshot(folder, revision, time.GetUtcNow()) { Loaded = loaded }));
    }
}
