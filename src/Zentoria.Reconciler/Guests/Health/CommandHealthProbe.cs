using System.Globalization;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>One health command through the guest shell: healthy on exit 0.</summary>
internal static class CommandHealthProbe
{
    private const int MaxDetailLength = 200;

    public static async Task<HealthAttempt> ProbeAsync(IGuestShell shell, GuestCommand command, TimeSpan timeout, int number, CancellationToken cancellationToken)
    {
        var outcome = await shell.RunAsync(command, timeout, cancellationToken);
        if (!outcome.Succeeded)
        {
            return new HealthAttempt(number, false, outcome.Error.ToString());
        }

        var result = outcome.Value;
        if (result.TimedOut)
        {
            return new HealthAttempt(number, false, $"no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }

        var stderr = result.Stderr.Trim().ReplaceLineEndings(" ");
        var detail = $"exit {result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}" + (stderr.Length == 0 ? "" : ": " + stderr[..Math.Min(stderr.Length, MaxDetailLength)]);
        return new HealthAttempt(number, result.ExitCode == 0, detail);
    }
}
