using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class ActionLimiterTests
{
    [Test]
    public async Task No_more_actions_than_the_cap_run_at_once()
    {
        using var limiter = new ActionLimiter(new SchedulingOptions { MaxConcurrentActions = 2 });
        var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None);
        Assert.That(third.IsCompleted, Is.False);

        first.Dispose();
        var lease = await third;
        Assert.That(limiter.Available, Is.Zero);
        lease.Dispose();
        second.Dispose();
        Assert.That(limiter.Available, Is.EqualTo(2));
    }

    [Test]
    public void A_cancelled_wait_does_not_take_a_slot()
    {
        using var limiter = new ActionLimiter(new SchedulingOptions { MaxConcurrentActions = 1 });
        using var held = limiter.AcquireAsync(CancellationToken.None).Result;
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cancellation.Token);
        cancellation.Cancel();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        held.Dispose();
        Assert.That(limiter.Available, Is.EqualTo(1));
    }
}
