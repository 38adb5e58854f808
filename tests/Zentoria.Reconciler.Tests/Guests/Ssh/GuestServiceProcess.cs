using System.Diagnostics;
using System.Globalization;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>
/// A real service process of a test guest (Fixtures/guest_service.py under python3): HTTP /health on a loopback
/// address and a port the OS picked, answering the version its deploy script recorded in <see cref="StateFolder"/>.
/// </summary>
internal sealed class GuestServiceProcess : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process process;

    private GuestServiceProcess(Process process, int port, string stateFolder)
    {
        this.process = process;
        Port = port;
        StateFolder = stateFolder;
    }

    public int Port { get; }

    public string StateFolder { get; }

    /// <summary>Starts the service on <paramref name="address"/>; fails (under CI) or ignores the test when python3 is missing.</summary>
    public static async Task<GuestServiceProcess> StartAsync(string address, string stateFolder)
    {
        if (!File.Exists(Python))
        {
            const string Missing = Python + " is missing: install the Debian package python3 (scripts/test.sh does) to run the end-to-end guest tests";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Missing);
            }

            Assert.Ignore(Missing);
        }

        Directory.CreateDirectory(stateFolder);
        var script = Path.Join(TestContext.CurrentContext.TestDirectory, "Guests", "Ssh", "Fixtures", "guest_service.py");
        var process = Process.Start(new ProcessStartInfo(Python)
        {
            ArgumentList = { script, address, stateFolder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var line = await process.StandardOutput.ReadLineAsync(guard.Token);
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            process.Kill();
            Assert.Fail($"guest_service.py did not print its port: {line} {await process.StandardError.ReadToEndAsync(guard.Token)}");
        }

        return new GuestServiceProcess(process, port, stateFolder);
    }

    public string Version => File.Exists(VersionFile) ? File.ReadAllText(VersionFile).Trim() : "";

    public string VersionFile => Path.Join(StateFolder, "version");

    /// <summary>Makes <paramref name="release"/> answer 500 whenever it runs.</summary>
    public void Break(string release) => File.AppendAllText(Path.Join(StateFolder, "broken"), release + "\n");

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }
}
