namespace Zentoria.Reconciler.Tests.Simulator;

/// <summary>A <see cref="StringWriter"/> that completes <see cref="Seen"/> once a line containing the marker is written.</summary>
internal sealed class SignallingWriter(string marker) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override Task WriteLineAsync(string? value)
    {
        var written = base.WriteLineAsync(value);
        if (value?.Contains(marker, StringComparison.Ordinal) == true)
        {
            _seen.TrySetResult();
        }

        return written;
    }
}
