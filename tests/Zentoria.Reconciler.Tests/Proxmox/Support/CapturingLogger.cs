using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Tests.Proxmox.Support;

internal sealed class CapturingLogger(ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> entries) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, eventId, formatter(state, exception)));
}
