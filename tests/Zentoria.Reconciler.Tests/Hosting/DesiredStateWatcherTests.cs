using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Tests.DesiredState;

namespace Zentoria.Reconciler.Tests.Hosting;

/// <summary>The watcher on a real folder: a change starts a pass through the trigger. No sleeps: each test waits on the trigger, bounded.</summary>
internal sealed class DesiredStateWatcherTests
{
    // Generous: inotify on a loaded machine; a passing test returns as soon as the trigger fires.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Editing_an_environment_file_requests_a_pass()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var trigger = new ReconcileTrigger();
        using var watcher = await StartAsync(folder, trigger);

        folder.Write("environments/test/network.yaml", File.ReadAllText(Path.Join(folder.Root, "environments/test/network.yaml")) + "\n# edited\n");

        Assert.That(await trigger.WaitAsync(Bound, TimeProvider.System, CancellationToken.None), Is.EqualTo(WakeReason.Triggered));
    }

    [Test]
    public async Task Adding_and_deleting_files_request_a_pass_each_time()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var trigger = new ReconcileTrigger();
        using var watcher = await StartAsync(folder, trigger);

        folder.Write("base/extra.yaml", "# nothing yet\n");
        Assert.That(await trigger.WaitAsync(Bound, TimeProvider.System, CancellationToken.None), Is.EqualTo(WakeReason.Triggered));

        File.Delete(Path.Join(folder.Root, "base/extra.yaml"));
        Assert.That(await trigger.WaitAsync(Bound, TimeProvider.System, CancellationToken.None), Is.EqualTo(WakeReason.Triggered));
    }

    [Test]
    public async Task A_missing_folder_is_not_watched_and_does_not_stop_the_start()
    {
        var source = new DesiredStateSource(Path.Join(Path.GetTempPath(), "zentoria-tests", Guid.NewGuid().ToString("N")), "test");
        using var watcher = new DesiredStateWatcher(source, new ReconcileTrigger(), new LoopOptions(), TimeProvider.System, NullLogger<DesiredStateWatcher>.Instance);

        Assert.That(async () => await watcher.StartAsync(CancellationToken.None), Throws.Nothing);
    }

    private static async Task<DesiredStateWatcher> StartAsync(DesiredStateFolder folder, ReconcileTrigger trigger)
    {
        var loop = new LoopOptions { WatchDebounce = TimeSpan.FromMilliseconds(20) };
        var watcher = new DesiredStateWatcher(new DesiredStateSource(folder.Root, "test"), trigger, loop, TimeProvider.System, NullLogger<DesiredStateWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        return watcher;
    }
}
