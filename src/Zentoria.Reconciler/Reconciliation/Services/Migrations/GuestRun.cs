using System.Globalization;
using Zentoria.Reconciler.Guests;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>A guest command's outcome in the words status shows.</summary>
internal static class GuestRun
{
    // Enough for a migration tool's last error line; status is for a sentence, the guest keeps the full log.
    private const int MaxErrorChars = 400;

    /// <returns>Null when the command ran and exited 0; otherwise why it did not, such as <c>exit 1: relation "x" does not exist</c>.</returns>
    public static string? Failure(GuestOutcome<GuestCommandResult> ran, TimeSpan timeout)
    {
        if (!ran.Succeeded)
        {
            return ran.Error.ToString();
        }

        var result = ran.Value;
        if (result.Succeeded)
        {
            return null;
        }

        if (result.TimedOut)
        {
            return string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s");
        }

        var error = result.Stderr.Trim();
        if (error.Length > MaxErrorChars)
        {
            error = "..." + error[^MaxErrorChars..];
        }

        var exit = result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return error.Length > 0 ? $"exit {exit}: {error.ReplaceLineEndings(" ")}" : $"exit {exit}";
    }
}
