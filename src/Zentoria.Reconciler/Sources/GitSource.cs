using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Sources;

/// <summary>
/// A git repository as the desired-state source: fetched with the git CLI into a bare mirror under
/// <paramref name="workFolder"/>, each commit unpacked once into <c>checkouts/&lt;sha&gt;</c>.
/// </summary>
/// <remarks>
/// A checkout is unpacked from <c>git archive</c> into a temporary folder and renamed into place, so a folder named
/// after a commit is always complete, and nothing in it (hooks, .git, symlinks) can run or point elsewhere.
/// The last fetched revision is kept in <c>last-revision</c> beside the mirror, so a force-push made while the
/// operator was down is still detected after a restart; the last applied one in <c>last-applied</c>, so a restart
/// while the remote is unreachable (or rewritten) keeps enforcing it. Not thread-safe: one fetch at a time, which
/// <see cref="SourceSynchronizer"/> guarantees.
/// </remarks>
internal sealed class GitSource : IDesiredStateSource
{
    private const string TrackingReference = "refs/zentoria/source";
    private const string LastRevisionFile = "last-revision";
    private const string LastAppliedFile = "last-applied";

    private readonly GitSourceOptions options;
    private readonly string workFolder;
    private readonly TimeProvider time;
    private readonly SecretRedactor redactor;
    private readonly ILogger logger;
    private readonly GitRunner git;
    private string? lastRevision;
    private string? lastApplied;

    public GitSource(GitSourceOptions options, string workFolder, TimeProvider time, SecretRedactor redactor, ILogger logger)
    {
        this.options = options;
        this.workFolder = Path.GetFullPath(workFolder);
        this.time = time;
        this.redactor = redactor;
        this.logger = logger;
        git = new GitRunner(GitCredentials.Environment(options, redactor), options.CommandTimeout, time, redactor, logger);
        lastRevision = ReadRevision(LastRevisionFile);
        lastApplied = ReadRevision(LastAppliedFile);
    }

    public string Description => redactor.Redact($"git {options.Repository} {options.RemoteReference} path '{options.Path}'");

    /// <summary>The checkout of the last applied commit while it is on disk (pruning never removes it).</summary>
    public SourceSnapshot? LastApplied =>
        lastApplied is { } sha && Path.Combine(Checkouts, sha, options.Path) is var folder && Directory.Exists(folder)
            ? new SourceSnapshot(folder, sha, time.GetUtcNow())
            : null;

    public void MarkApplied(SourceSnapshot snapshot)
    {
        if (lastApplied != snapshot.Revision)
        {
            WriteRevision(LastAppliedFile, snapshot.Revision);
            lastApplied = snapshot.Revision;
        }
    }

    private string Mirror => Path.Combine(workFolder, "mirror.git");

    private string Checkouts => Path.Combine(workFolder, "checkouts");

    public async Task<SourceFetchResult> FetchAsync(CancellationToken cancellationToken)
    {
        var result = await FetchCoreAsync(cancellationToken);
        if (result.Succeeded)
        {
            if (lastRevision != result.Snapshot.Revision)
            {
                WriteRevision(LastRevisionFile, result.Snapshot.Revision);
            }

            lastRevision = result.Snapshot.Revision;
            Log.Fetched(logger, Description, result.Snapshot.Revision);
        }
        else
        {
            Log.FetchFailed(logger, Description, result.Failure.Kind, result.Failure.Message);
        }

        return result;
    }

    private async Task<SourceFetchResult> FetchCoreAsync(CancellationToken cancellationToken)
    {
        if (GitSourceOptionsCheck.Check(options) is { } invalid)
        {
            return SourceFetchResult.Fail(SourceFailureKind.Failed, invalid);
        }

        Directory.CreateDirectory(Checkouts);
        if (!File.Exists(Path.Combine(Mirror, "HEAD")) &&
            await git.RunAsync(["init", "--bare", "--quiet", Mirror], workFolder, cancellationToken) is { Succeeded: false } init)
        {
            return Failed(SourceFailureKind.Failed, "cannot create the local mirror", init);
        }

        // A forced refspec: the remote is the truth; whether a rewritten history is accepted is decided below.
        var fetch = await git.RunAsync(
            ["fetch", "--quiet", "--no-tags", "--force", "--no-write-fetch-head", RemoteUrl(), $"+{options.RemoteReference}:{TrackingReference}"],
            Mirror, cancellationToken);
        if (!fetch.Succeeded)
        {
            return Failed(GitFailures.Classify(fetch), $"fetching {options.RemoteReference}", fetch);
        }

        var parse = await git.RunAsync(["rev-parse", "--verify", "--quiet", TrackingReference + "^{commit}"], Mirror, cancellationToken);
        if (!parse.Succeeded)
        {
            return Failed(SourceFailureKind.Failed, $"{options.RemoteReference} does not name a commit", parse);
        }

        var revision = parse.Output.Trim();
        if (await CheckHistoryAsync(revision, cancellationToken) is { } rewritten)
        {
            return rewritten;
        }

        if (await CheckOutAsync(revision, cancellationToken) is { } checkoutFailure)
        {
            return checkoutFailure;
        }

        var folder = Path.Combine(Checkouts, revision, options.Path);
        if (DesiredStateFiles.CheckNotEmpty(folder, $"{options.Path}' at commit '{revision}") is { } empty)
        {
            return SourceFetchResult.Fail(SourceFailureKind.Empty, empty);
        }

        PruneCheckouts(revision);
        return SourceFetchResult.Of(new SourceSnapshot(folder, revision, time.GetUtcNow()));
    }

    private async Task<SourceFetchResult?> CheckHistoryAsync(string revision, CancellationToken cancellationToken)
    {
        // A tag is pinned by intent: moving it is a deliberate release, not a rewrite to guard against.
        if (lastRevision is null || lastRevision == revision || options.FollowRewrittenHistory || options.Tag is { Length: > 0 })
        {
            return null;
        }

        var ancestor = await git.RunAsync(["merge-base", "--is-ancestor", lastRevision, revision], Mirror, cancellationToken);
        return ancestor.Succeeded ? null : SourceFetchResult.Fail(SourceFailureKind.HistoryRewritten,
            $"{options.RemoteReference} now points at {revision}, which does not contain {lastRevision}: its history was rewritten " +
            "(a force-push); the last good revision stays in force until the rewrite is accepted (Source.Git.FollowRewrittenHistory, --git-follow-force-push)");
    }

    private async Task<SourceFetchResult?> CheckOutAsync(string revision, CancellationToken cancellationToken)
    {
        var target = Path.Combine(Checkouts, revision);
        if (Directory.Exists(target))
        {
            return null;
        }

        var temporary = Path.Combine(Checkouts, $".{revision}.{Guid.NewGuid():N}.tmp");
        var tar = temporary + ".tar";
        try
        {
            var archive = await git.RunAsync(["archive", "--format=tar", "-o", tar, revision], Mirror, cancellationToken);
            if (!archive.Succeeded)
            {
                return Failed(SourceFailureKind.Failed, $"unpacking commit {revision}", archive);
            }

            Directory.CreateDirectory(temporary);
            TarExtraction.Extract(tar, temporary);
            Directory.Move(temporary, target);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return SourceFetchResult.Fail(SourceFailureKind.Failed, redactor.Redact($"unpacking commit {revision}: {e.Message}"));
        }
        finally
        {
            File.Delete(tar);
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private void PruneCheckouts(string current)
    {
        var stale = new DirectoryInfo(Checkouts).GetDirectories()
            .Where(d => d.Name != current && d.Name != lastApplied && !d.Name.StartsWith('.'))
            .OrderByDescending(d => d.CreationTimeUtc)
            .Skip(options.KeepCheckouts - 1);
        foreach (var folder in stale)
        {
            folder.Delete(recursive: true);
        }
    }

    private string? ReadRevision(string file)
    {
        var path = Path.Combine(workFolder, file);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } sha ? sha : null;
    }

    private void WriteRevision(string file, string revision)
    {
        Directory.CreateDirectory(workFolder);
        AtomicFile.Write(Path.Combine(workFolder, file), System.Text.Encoding.ASCII.GetBytes(revision + "\n"));
    }

    /// <summary>A local path made absolute (git runs inside the mirror); URLs as given.</summary>
    private string RemoteUrl() => Directory.Exists(options.Repository) ? Path.GetFullPath(options.Repository) : options.Repository;

    private SourceFetchResult Failed(SourceFailureKind kind, string what, GitCommandResult result) =>
        SourceFetchResult.Fail(kind, redactor.Redact($"{what} from {options.Repository} failed: {GitFailures.Summary(result)}"));
}
