namespace Zentoria.Reconciler.Hosting;

/// <summary>The console log format (<c>--log-format</c>).</summary>
internal enum LogFormat
{
    /// <summary>One human-readable line per event.</summary>
    Text,

    /// <summary>Serilog's compact JSON (CLEF), one object per line, for log shippers.</summary>
    Json,
}
