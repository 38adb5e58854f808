using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// A real Prometheus from Debian's package with its own configuration and storage in a temporary folder, on
/// 127.0.0.1 and a free port, scraping the given targets every second with a <c>service</c> label, as
/// <c>reference/real-components.md</c> section 4 found to work.
/// </summary>
/// <remarks>Prometheus batches target updates every 5 s, so the first scrape comes several seconds after it is ready: wait with <see cref="WaitForScrapesAsync"/>.</remarks>
internal sealed class RealPrometheus : IDisposable
{
    public const string PrometheusPath = "/usr/bin/prometheus";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly TemporaryFolder folder = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly StringBuilder log = new();
    private Process? process;

    private RealPrometheus(IEnumerable<(string Service, string Instance)> targets)
    {
        Port = LoopbackPort.Free();
        var config = new StringBuilder("""
            global: { scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s }
            scrape_configs:
              - job_name: services
                static_configs:

            """);
        foreach (var (service, instance) in targets)
        {
            config.Append(CultureInfo.InvariantCulture, $"      - {{ targets: ['{instance}'], labels: {{ service: '{service}' }} }}\n");
        }

        File.WriteAllText(folder.File("prometheus.yml"), config.ToString());
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static async Task<RealPrometheus> StartAsync(IEnumerable<(string Service, string Instance)> targets, TimeSpan timeout)
    {
        RequiredTool.Require(PrometheusPath, "prometheus");
        var prometheus = new RealPrometheus(targets);
        try
        {
            await prometheus.RunAsync(timeout);
            return prometheus;
        }
        catch
        {
            prometheus.Dispose();
            throw;
        }
    }

    /// <summary>Waits until Prometheus holds at least <paramref name="scrapes"/> scrapes of <paramref name="instance"/> (bounded by <paramref name="timeout"/>).</summary>
    public Task WaitForScrapesAsync(string instance, int scrapes, TimeSpan timeout) =>
        WaitForAsync($"count_over_time(up{{instance=\"{instance}\"}}[10m])", scrapes, timeout);

    /// <summary>Waits until <paramref name="query"/>'s single value is at least <paramref name="atLeast"/> (bounded by <paramref name="timeout"/>).</summary>
    /// <returns>The value seen.</returns>
    public async Task<double> WaitForAsync(string query, double atLeast, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var seen = await ScalarAsync(query, deadline.Token);
            if (seen >= atLeast)
            {
                return seen;
            }

            try
            {
                await Task.Delay(PollInterval, TimeProvider.System, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Prometheus did not reach {atLeast} for {query} within {timeout.TotalSeconds} s (saw {seen}): {Log()}");
            }
        }
    }

    /// <summary>The single value of <paramref name="query"/> now; 0 when there is none or Prometheus does not answer.</summary>
    public async Task<double> ScalarAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            var json = await http.GetStringAsync(new Uri(BaseAddress, $"api/v1/query?query={Uri.EscapeDataString(query)}"), cancellationToken);
            using var document = JsonDocument.Parse(json);
            var result = document.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return 0;
        }
    }

    public string Log()
    {
        lock (log)
        {
            return log.Length > 4000 ? log.ToString(log.Length - 4000, 4000) : log.ToString();
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        http.Dispose();
        folder.Dispose();
    }

    private async Task RunAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo(PrometheusPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            $"--config.file={folder.File("prometheus.yml")}", $"--storage.tsdb.path={folder.File("data")}",
            $"--web.listen-address=127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                Assert.Fail($"prometheus exited with {process.ExitCode} at start: {Log()}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(BaseAddress, "-/ready"), deadline.Token);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Delay(PollInterval, TimeProvider.System, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Fail($"prometheus was not ready on {BaseAddress} within {timeout.TotalSeconds} s: {Log()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Append(line).Append('\n');
            if (log.Length > 16_000)
            {
                log.Remove(0, 8_000);
            }
        }
    }
}
