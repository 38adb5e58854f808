using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Zentoria.Reconciler.Tests.Guests.Health;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created, so a test advances the clock only after the
/// code under test has started waiting (advancing earlier would not fire a timer created later).
/// </summary>
internal sealed class TimerSignallingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> created = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (10 s at most, in real time) until a timer with this due time has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await created.Reader.ReadAsync(guard.Token) != dueTime)
        {
        }
    }
}
