namespace Zentoria.Reconciler.Sources;

internal enum SourceKind
{
    /// <summary>A desired-state folder on local disk (<c>--source folder</c>, the default).</summary>
    Folder,

    /// <summary>A git repository (<c>--source git --repo … --branch … --path …</c>).</summary>
    Git,
}
