using System.Runtime.InteropServices;

namespace Zentoria.Reconciler.Simulator.Timing;

/// <summary>A sleep finer than the millisecond every managed wait rounds to.</summary>
internal static partial class NativeSleep
{
    /// <summary>True where <see cref="Sleep"/> works: libc's <c>usleep</c>, on Linux.</summary>
    public static bool Available => OperatingSystem.IsLinux();

    public static void Sleep(TimeSpan span)
    {
        if (span > TimeSpan.Zero)
        {
            _ = Usleep((uint)Math.Ceiling(span.TotalMicroseconds));
        }
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int Usleep(uint microseconds);
}
