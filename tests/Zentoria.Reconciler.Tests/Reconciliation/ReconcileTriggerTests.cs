using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class ReconcileTriggerTests
{
    private readonly FakeTimeProvider time = new();
    private readonly ReconcileTrigger trigger = new();

    [Test]
    public async Task Without_a_request_the_wait_ends_when_the_delay_elapses()
    {
        var waiting = trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.That(waiting.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await waiting, Is.EqualTo(WakeReason.Elapsed));
    }

    [Test]
    public async Task A_request_ends_the_wait_at_once()
    {
        var waiting = trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);

        trigger.Request();

        Assert.That(await waiting, Is.EqualTo(WakeReason.Triggered));
    }

    [Test]
    public async Task Many_requests_before_the_wait_coalesce_into_one_pass()
    {
        for (var i = 0; i < 50; i++)
        {
            trigger.Request();
        }

        var first = await trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);
        var second = trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);

        Assert.That(first, Is.EqualTo(WakeReason.Triggered));
        Assert.That(second.IsCompleted, Is.False, "the 49 other requests were served by the first pass");
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await second, Is.EqualTo(WakeReason.Elapsed));
    }

    [Test]
    public async Task Requests_made_during_a_pass_cost_exactly_one_more_pass()
    {
        Assert.That(trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None).IsCompleted, Is.False);
        trigger.Request();

        // The pass runs now; three requests arrive while it does.
        trigger.Request();
        trigger.Request();
        trigger.Request();

        var next = trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None);
        Assert.That(await next, Is.EqualTo(WakeReason.Triggered));
        Assert.That(trigger.WaitAsync(TimeSpan.FromSeconds(30), time, CancellationToken.None).IsCompleted, Is.False);
    }

    [Test]
    public void Cancelling_ends_the_wait_with_an_exception()
    {
        using var cancellation = new CancellationTokenSource();
        var waiting = trigger.WaitAsync(TimeSpan.FromSeconds(30), time, cancellation.Token);

        cancellation.Cancel();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
    }
}
