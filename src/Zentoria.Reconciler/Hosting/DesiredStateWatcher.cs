using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Starts a pass soon after a file in the desired-state folder changes, through the <see cref="ReconcileTrigger"/>.
/// Only a shortcut: events can be lost (inotify overflow, network folders, a folder created later), and the
/// interval stays the guarantee that every change is picked up.
/// </summary>
internal sealed class DesiredStateWatcher(DesiredStateSource source, ReconcileTrigger trigger, LoopOptions loop, TimeProvider time, ILogger<DesiredStateWatcher> logger)
    : IHostedService, IDisposable
{
    private FileSystemWatcher? watcher;
    private Debouncer? debouncer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A git checkout changes only when the operator fetches it, and the fetch loop already starts a pass.
        if (source.Options.Kind != Sources.SourceKind.Folder || source.Options.Folder is not { } root)
        {
            return Task.CompletedTask;
        }

        if (!Directory.Exists(root))
        {
            Log.NotWatching(logger, root, "the folder does not exist");
            return Task.CompletedTask;
        }

        debouncer = new Debouncer(loop.WatchDebounce, loop.WatchDebounce * 10, time, () =>
        {
            Log.DesiredStateChanged(logger, root);
            trigger.Request();
        });
        try
        {
            watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => debouncer.Poke();
            watcher.Created += (_, _) => debouncer.Poke();
            watcher.Deleted += (_, _) => debouncer.Poke();
            watcher.Renamed += (_, _) => debouncer.Poke();
            // An overflow means changes were missed: a pass re-reads everything anyway.
            watcher.Error += (_, _) => debouncer.Poke();
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // For example the inotify instance limit: the operator works without the shortcut.
            Log.NotWatching(logger, root, e.Message);
            watcher?.Dispose();
            watcher = null;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        watcher = null;
        debouncer?.Dispose();
    }
}
