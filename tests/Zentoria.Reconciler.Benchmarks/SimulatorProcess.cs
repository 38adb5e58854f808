using System.Diagnostics;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary>
/// The simulator in its own process (<c>zentoria-reconciler simulator</c>), so that the allocations this
/// process measures are the client's alone. Listens on loopback with a free port; killed on dispose.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process process;

    private SimulatorProcess(Process process, SimulatorEndpoint endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public SimulatorEndpoint Endpoint { get; }

    /// <summary>CPU time the simulator process has used so far (user and kernel).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<SimulatorProcess> StartAsync(string scenarioPath, CancellationToken cancellationToken)
    {
        var app = Path.ChangeExtension(typeof(ProxmoxClient).Assembly.Location, ".dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { app, "simulator", "--listen", "127.0.0.1:0", "--https", "--task-duration", "100ms", "--scenario", scenarioPath })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator process");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var endpoint = await ReadEndpointAsync(process.StandardOutput, timeout.Token);
            return new SimulatorProcess(process, endpoint);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }

    private static async Task<SimulatorEndpoint> ReadEndpointAsync(StreamReader output, CancellationToken cancellationToken)
    {
        Uri? url = null;
        string? token = null;
        string? fingerprint = null;
        for (var line = 0; line < 50; line++)
        {
            var text = await output.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("the simulator exited before it listened");
            if (text.Contains(" listening on ", StringComparison.Ordinal))
            {
                url = new Uri(text[(text.IndexOf(" listening on ", StringComparison.Ordinal) + 14)..].Trim());
            }
            else if (text.StartsWith("API token:", StringComparison.Ordinal))
            {
                token = text["API token:".Length..].Trim();
            }
            else if (text.StartsWith("Certificate SHA-256 fingerprint:", StringComparison.Ordinal))
            {
                fingerprint = text["Certificate SHA-256 fingerprint:".Length..].Trim();
            }
            else if (text.StartsWith("Press Ctrl+C", StringComparison.Ordinal) && url is not null && token is not null)
            {
                return new SimulatorEndpoint(url, token, fingerprint);
            }
        }

        throw new InvalidOperationException("the simulator did not print its URL and token");
    }
}
