using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Sources;

/// <summary>A desired-state folder on local disk, as before git sources existed.</summary>
/// <remarks>
/// The revision is the loader's content hash. When the folder does not load, a hash of the load errors stands
/// in, so a broken folder still gets a revision that differs from the last valid one and the caller can report
/// it as rejected.
/// </remarks>
internal sealed class FolderSource(string folder, string environment, TimeProvider time) : IDesiredStateSource
{
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

        var loaded = DesiredStateLoader.Load(folder, environment);
        var revision = loaded.IsValid
            ? loaded.Desired.Revision
            : "invalid-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Join('\n', loaded.Errors.Select(e => e.ToString())))))[..12];
        return Task.FromResult(SourceFetchResult.Of(new SourceSnapshot(folder, revision, time.GetUtcNow())));
    }
}
