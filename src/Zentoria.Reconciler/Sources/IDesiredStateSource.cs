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
}
