using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary><c>sandbox-memory</c>: the resident memory of <c>zentoria-reconciler sandbox</c> after it has run for a while.</summary>
internal static class SandboxMemoryBenchmark
{
    public static Command Create()
    {
        var duration = new Option<int>("--seconds") { Description = "How long the sandbox runs before its memory is read (the issue asks for 300).", DefaultValueFactory = _ => 300 };
        var binary = new Option<FileInfo?>("--binary")
        {
            Description = "A published operator to run, such as the Native AOT build (dotnet publish src/Zentoria.Reconciler -c Release -r linux-x64 -o artifacts/aot); the JIT build under dotnet when not given.",
        };
        var command = new Command("sandbox-memory", "Run the sandbox as a child process and print its resident memory over time.") { duration, binary };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var seconds = parseResult.GetValue(duration);
            var state = Path.Combine(Path.GetTempPath(), $"zentoria-sandbox-memory-{Environment.ProcessId}");
            var native = parseResult.GetValue(binary);
            var start = new ProcessStartInfo(native?.FullName ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (native is null)
            {
                start.ArgumentList.Add(Path.ChangeExtension(typeof(ProxmoxClient).Assembly.Location, ".dll"));
            }

            foreach (var argument in new[] { "sandbox", "--listen", "127.0.0.1:0", "--state-dir", state })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sandbox");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                Console.WriteLine($"sandbox-memory: {(native is null ? "zentoria-reconciler.dll (JIT)" : native.FullName)} sandbox for {seconds} s (5 s pass interval), resident memory:");
                var peak = 0L;
                for (var elapsed = 0; elapsed < seconds && !process.HasExited; elapsed += 10)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, seconds - elapsed)), cancellationToken);
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Math.Min(elapsed + 10, seconds),4} s  {process.WorkingSet64 / 1048576.0,6:0.0} MiB"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after {seconds} s: {process.WorkingSet64 / 1048576.0:0.0} MiB resident (peak seen {peak / 1048576.0:0.0} MiB)"));
                return process.HasExited ? 1 : 0;
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                Directory.Delete(state, recursive: true);
            }
        });
        return command;
    }
}
