using Microsoft.Extensions.Hosting;

namespace Zentoria.Reconciler.Sources;

/// <summary>Runs <see cref="SourceSynchronizer.RunAsync"/> for a git source: fetches on its own interval and on webhooks.</summary>
internal sealed class SourceSyncService(SourceSynchronizer synchronizer) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await synchronizer.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: a fetch in flight was killed; the mirror stays consistent (git writes refs last).
        }
    }
}
