using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Tests.Hosting;

internal sealed class DebouncerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private FakeTimeProvider time = null!;
    private int fired;

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider();
        fired = 0;
    }

    [Test]
    public void A_burst_of_pokes_fires_once_after_the_quiet_time()
    {
        using var debouncer = new Debouncer(Quiet, Quiet * 10, time, () => fired++);

        debouncer.Poke();
        time.Advance(TimeSpan.FromMilliseconds(300));
        debouncer.Poke();
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.That(fired, Is.Zero, "the second poke restarted the quiet time");

        time.Advance(TimeSpan.FromMilliseconds(200));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public void Pokes_that_never_stop_still_fire_once_the_longest_wait_is_over()
    {
        using var debouncer = new Debouncer(Quiet, Quiet * 10, time, () => fired++);

        for (var i = 0; i < 14; i++)
        {
            debouncer.Poke();
            time.Advance(TimeSpan.FromMilliseconds(400));
        }

        Assert.That(fired, Is.EqualTo(1), "at 5 s after the first poke, though the pokes went on every 400 ms");
    }

    [Test]
    public void A_poke_after_firing_starts_a_new_burst()
    {
        using var debouncer = new Debouncer(Quiet, Quiet * 10, time, () => fired++);

        debouncer.Poke();
        time.Advance(Quiet);
        debouncer.Poke();
        time.Advance(Quiet);

        Assert.That(fired, Is.EqualTo(2));
    }

    [Test]
    public void Nothing_fires_after_dispose()
    {
        var debouncer = new Debouncer(Quiet, Quiet * 10, time, () => fired++);

        debouncer.Poke();
        debouncer.Dispose();
        debouncer.Poke();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.Zero);
    }
}
