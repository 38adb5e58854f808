namespace Zentoria.Reconciler.Sources;

/// <summary>Where the desired state comes from and how often it is fetched; the <c>source</c> section of configuration.</summary>
internal sealed class SourceOptions
{
    /// <value><see cref="SourceKind.Folder"/>.</value>
    public SourceKind Kind { get; set; } = SourceKind.Folder;

    /// <summary>The desired-state folder, for <see cref="SourceKind.Folder"/>.</summary>
    public string? Folder { get; set; }

    public GitSourceOptions Git { get; set; } = new();

    public SourcePollingOptions Polling { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();
}
