using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Tests.Proxmox.Support;

/// <summary>Keeps every log entry (level, event id, rendered message) so a test can read what was logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(entries);

    public void Dispose()
    {
    }
}
