using System.Diagnostics;

namespace Zentoria.Reconciler.Tests.Guests.Commands;

/// <summary>Runs a command line through the real <c>/bin/sh -c</c>, as a guest's shell would.</summary>
internal static class LocalShell
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string line, byte[]? stdin = null)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", line },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var shell = Process.Start(start)!;
        shell.StandardInput.BaseStream.Write(stdin ?? []);
        shell.StandardInput.Close();
        var stderr = shell.StandardError.ReadToEndAsync();
        var stdout = shell.StandardOutput.ReadToEnd();
        Assert.That(shell.WaitForExit(30_000), Is.True, "/bin/sh did not finish within 30 s");
        return (shell.ExitCode, stdout, stderr.Result);
    }
}
