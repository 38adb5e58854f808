namespace Zentoria.Reconciler.Sources;

/// <summary>Where the desired state comes from: a local folder or a git repository.</summary>
/// <remarks>
/// The only seam with two real implementations. A fetch never throws for an expected outcome (unreachable
/// remote, refused credentials, missing branch); it returns a <see cref="SourceFailure"/> and the caller keeps
/// the last good snapshot in force.
/// </remarks>
internal interface IDesiredStateSource
{
    /// <summary>A short description for logs and status, such as the repository URL and branch; never a credential.</summary>
    string Description { get; }

    Task<SourceFetchResult> FetchAsync(CancellationToken cancellationToken);

    /// <summary>The snapshot last put in force, kept from before a restart; null when there is none (or it is gone from disk).</summary>
    /// <remarks>Lets an operator that restarts while the source is unreachable or refused keep enforcing what it enforced.</remarks>
    SourceSnapshot? LastApplied { get; }

    /// <summary>Records that <paramref name="snapshot"/> loaded as valid and is now in force.</summary>
    void MarkApplied(SourceSnapshot snapshot);
}
