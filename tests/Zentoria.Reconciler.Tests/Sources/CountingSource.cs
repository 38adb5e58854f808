using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Tests.Sources;

/// <summary>A source that always fails the same way, synchronously, and counts its fetches.</summary>
internal sealed class CountingSource : IDesiredStateSource
{
    private int fetches;

    public int Fetches => Volatile.Read(ref fetches);

    public string Description => "counting source";

    public SourceSnapshot? LastApplied => null;

    public void MarkApplied(SourceSnapshot snapshot)
    {
    }

    public Task<SourceFetchResult> FetchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref fetches);
        return Task.FromResult(SourceFetchResult.Fail(SourceFailureKind.Unreachable, "nothing to fetch"));
    }
}
