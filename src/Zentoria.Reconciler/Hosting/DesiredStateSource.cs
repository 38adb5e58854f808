using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Which desired state the operator enforces: a folder re-read before every pass (the default), or a git repository
/// fetched on its own interval and on webhooks. <see cref="ReconcilerWiring.Add"/> turns it into the running
/// <see cref="DesiredStateFeed"/>.
/// </summary>
internal sealed class DesiredStateSource
{
    /// <param name="root">The desired-state folder (holding <c>base/</c> and <c>environments/</c>).</param>
    public DesiredStateSource(string root, string environment)
        : this(new SourceOptions { Kind = SourceKind.Folder, Folder = root }, environment)
    {
    }

    public DesiredStateSource(SourceOptions options, string environment)
    {
        Options = options;
        Environment = environment;
    }

    public SourceOptions Options { get; }

    public string Environment { get; }

    /// <summary>A folder is cheap to read and has no other trigger, so every pass reads it; git is fetched by its own loop.</summary>
    public bool FetchesEveryPass => Options.Kind == SourceKind.Folder;
}
