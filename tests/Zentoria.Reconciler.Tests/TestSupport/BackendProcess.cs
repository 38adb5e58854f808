using System.Diagnostics;
using System.Globalization;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// A real backend process on a loopback address such as 127.0.2.241, standing in for a container's service: it
/// answers "name version", fails every n-th request with 500 when told to, and exposes Prometheus metrics.
/// </summary>
internal sealed class BackendProcess : IDisposable
{
    public const string PythonPath = "/usr/bin/python3";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly TemporaryFolder folder = new();
    private readonly Process process;

    private BackendProcess(string name, string version, string address, int failEvery, int delayMilliseconds)
    {
        (Name, Version, Address) = (name, version, address);
        var script = folder.File("backend.py");
        File.WriteAllText(script, BackendScript.Source);
        var start = new ProcessStartInfo(PythonPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", script, name, version, address, failEvery.ToString(CultureInfo.InvariantCulture), delayMilliseconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
    }

    public string Name { get; }

    public string Version { get; }

    public string Address { get; }

    public int Port { get; private set; }

    /// <summary>What every ordinary request answers.</summary>
    public string Answer => $"{Name} {Version}";

    public UpstreamEndpoint Endpoint => new(Address, Port);

    /// <summary>The <c>instance</c> label Prometheus gives the backend's series.</summary>
    public string Instance => Endpoint.ToString();

    /// <param name="failEvery">Every n-th ordinary request answers 500 (10 gives exactly 10 %); 0 never.</param>
    /// <param name="delayMilliseconds">How long each ordinary request takes at least.</param>
    public static async Task<BackendProcess> StartAsync(string name, string version, string address, int failEvery = 0, int delayMilliseconds = 0)
    {
        RequiredTool.Require(PythonPath, "python3");
        var backend = new BackendProcess(name, version, address, failEvery, delayMilliseconds);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var line = await backend.process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                var error = await backend.process.StandardError.ReadToEndAsync(timeout.Token);
                Assert.Fail($"backend {name} did not start on {address}: {line} {error}");
            }

            backend.Port = int.Parse(line!["LISTENING ".Length..], CultureInfo.InvariantCulture);
            return backend;
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
        folder.Dispose();
    }
}
