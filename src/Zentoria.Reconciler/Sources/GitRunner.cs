using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Sources;

/// <summary>
/// Runs the git CLI with an argument list (never through a shell), a private environment, a time limit after
/// which the whole process tree is killed, and bounded output.
/// </summary>
internal sealed class GitRunner(
    IReadOnlyDictionary<string, string?> environment,
    TimeSpan timeout,
    TimeProvider time,
    SecretRedactor redactor,
    ILogger logger)
{
    // Enough for every message git prints on failure and every rev-parse; a runaway output is cut, not buffered.
    private const int MaxOutputChars = 64 * 1024;

    public async Task<GitCommandResult> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };

        // Never read the machine's or the user's configuration: a credential helper or an insteadOf there
        // would change what we fetch and with which identity.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("credential.helper=");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("protocol.ext.allow=never");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["LC_ALL"] = "C";
        start.Environment.Remove("GIT_ASKPASS");
        start.Environment.Remove("SSH_ASKPASS");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Log.GitCommand(logger, redactor.Redact(string.Join(' ', start.ArgumentList)));
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new GitCommandResult(-1, "", $"cannot run git: {e.Message}", TimedOut: false);
        }

        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        var output = ReadBoundedAsync(process.StandardOutput);
        var error = ReadBoundedAsync(process.StandardError);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the deadline and the kill; its exit is awaited below all the same.
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new GitCommandResult(-1, await output, redactor.Redact(await error), TimedOut: true);
        }

        return new GitCommandResult(process.ExitCode, await output, redactor.Redact(await error), TimedOut: false);
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            // Keep draining past the limit so git never blocks on a full pipe.
            text.Append(buffer, 0, Math.Min(read, Math.Max(0, MaxOutputChars - text.Length)));
        }

        return text.ToString();
    }
}
