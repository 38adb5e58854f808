using Microsoft.Extensions.Hosting;

namespace Zentoria.Reconciler.Notifications;

/// <summary>Runs <see cref="Notifier.RunAsync"/> for the life of the operator.</summary>
internal sealed class NotificationService(Notifier notifier) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await notifier.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown; undelivered notifications stay in the ledger for the next start.
        }
    }
}
