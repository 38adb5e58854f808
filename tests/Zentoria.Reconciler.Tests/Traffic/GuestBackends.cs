using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// The backend's containers as real processes, reached over SSH in <c>pct</c> mode: a stand-in <c>pct</c> runs the
/// command on this machine with the container's VMID in <c>ZR_VMID</c>, and <see cref="DeployScript"/> (re)starts the
/// backend of that container at its loopback address (CT 441 at 127.0.2.241, its clone CT 411 at 127.0.2.211) with
/// the version it was given: the old process stops, the install takes <c>installDelay</c>, the new one starts. A
/// container the simulator no longer lists as running loses its backend (<see cref="Watch"/>), as a destroyed or
/// stopped container would. The version named as failing on the clone answers every <see cref="FailEvery"/>-th
/// ordinary request there with 500 (a bad canary).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class GuestBackends : IAsyncDisposable
{
    public const string Service = "mcp-gateway";
    public const int Original = 441;
    public const int Clone = 411;

    /// <summary>A failing release answers every tenth ordinary request with 500 in the clone: exactly 10 %.</summary>
    public const int FailEvery = 10;

    public static readonly IReadOnlyDictionary<int, string> Addresses = new Dictionary<int, string>
    {
        [Original] = "127.0.2.241",
        [Clone] = "127.0.2.211",
    };

    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DeployTimeout = TimeSpan.FromSeconds(30);

    private readonly TemporaryFolder folder = new();
    private readonly CancellationTokenSource stopping = new();
    private Task watching = Task.CompletedTask;
    private int stopped;

    /// <param name="failingOnClone">The version whose backend fails every <see cref="FailEvery"/>-th request in the clone; null for none.</param>
    public GuestBackends(TimeSpan installDelay, string? failingOnClone = null)
    {
        RequiredTool.Require(BackendProcess.PythonPath, "python3");
        Port = LoopbackPort.Free();
        File.WriteAllText(folder.File("backend.py"), BackendScript.Source);
        Script("pct", """
            #!/bin/sh
            [ "$1" = exec ] && [ "$3" = -- ] || { echo "pct: expected exec <vmid> -- ..." >&2; exit 255; }
            ZR_VMID=$2
            export ZR_VMID
            shift 3
            exec "$@"
            """);
        var delay = installDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var cases = string.Join(' ', Addresses.Select(a => $"{a.Key}) address={a.Value} ;;"));
        var failing = failingOnClone is null ? "" : $"if [ \"$ZR_VMID:$2\" = '{Clone}:{failingOnClone}' ]; then fail={FailEvery}; fi";
        Script("deploy.sh", $$"""
            #!/bin/sh
            # deploy.sh <image> <version>: stops this container's backend, installs, starts the version.
            set -eu
            case "${ZR_VMID:-}" in {{cases}} *) echo "no backend container CT ${ZR_VMID:-?}" >&2; exit 3 ;; esac
            fail=0
            {{failing}}
            dir='{{folder.Path}}/ct/'"$ZR_VMID"
            mkdir -p "$dir"
            if [ -f "$dir/pid" ]; then
                pid=$(cat "$dir/pid")
                kill "$pid" 2>/dev/null || true
                n=0
                while [ -d "/proc/$pid" ] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && [ "$n" -lt 250 ]; do
                    sleep 0.02
                    n=$((n + 1))
                done
                rm -f "$dir/pid"
            fi
            sleep {{delay}}
            rm -f "$dir/log"
            setsid {{BackendProcess.PythonPath}} -u '{{folder.File("backend.py")}}' {{Service}} "$2" "$address" "$fail" 0 {{Port}} detached > "$dir/log" 2>&1 < /dev/null &
            echo $! > "$dir/pid"
            n=0
            until grep -q LISTENING "$dir/log" 2>/dev/null; do
                [ "$n" -lt 500 ] || { echo "the backend did not start: $(cat "$dir/log")" >&2; exit 1; }
                sleep 0.02
                n=$((n + 1))
            done
            echo "$1:$2 runs on $address:{{Port}}"
            """);
    }

    /// <summary>The port every backend listens on, at its container's address.</summary>
    public int Port { get; }

    public string PctCommand => folder.File("pct");

    public string DeployScript => folder.File("deploy.sh");

    /// <summary>How many backends <see cref="Watch"/> stopped because their container was gone or stopped.</summary>
    public int StoppedByWatch => Volatile.Read(ref stopped);

    /// <summary>The answer a request gets from a backend at <paramref name="version"/>.</summary>
    public static string Answer(string version) => $"{Service} {version}";

    public static Uri HealthOf(int vmid, int port) => new($"http://{Addresses[vmid]}:{port.ToString(CultureInfo.InvariantCulture)}/health");

    /// <summary>Runs the deploy script as the operator would, through the stand-in <c>pct</c>.</summary>
    public async Task DeployAsync(int vmid, string version)
    {
        var start = new ProcessStartInfo(PctCommand) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", vmid.ToString(CultureInfo.InvariantCulture), "--", DeployScript, "ghcr.io/zentoriaai/zentoria-mcp-gateway", version })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(DeployTimeout);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy.sh for CT {vmid} failed ({process.ExitCode}): {await error}");
        }
    }

    /// <summary>True when a backend process of <paramref name="vmid"/> runs.</summary>
    public bool Runs(int vmid) => PidOf(vmid) is { } pid && Alive(pid);

    /// <summary>Stops the backend of every container the simulator does not list as running, every 50 ms, until disposed.</summary>
    public void Watch(ProxmoxClient client, NodeName node)
    {
        watching = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    var listed = await client.Containers.ListAsync(node, stopping.Token);
                    foreach (var vmid in Addresses.Keys.Where(v => !listed.Any(c => c.VmId == new VmId(v) && c.Status == GuestPowerState.Running)))
                    {
                        Stop(vmid, counted: true);
                    }

                    await Task.Delay(WatchInterval, TimeProvider.System, stopping.Token);
                }
                catch (Exception e) when (stopping.IsCancellationRequested || e is ObjectDisposedException)
                {
                    // Disposed, or the client it reads the simulator through is.
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or ProxmoxException or OperationCanceledException)
                {
                    // The simulator is restarting (the kill tests stop it): nothing is known, so nothing is stopped.
                    await Task.Delay(WatchInterval, TimeProvider.System, CancellationToken.None);
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await watching;
        foreach (var vmid in Addresses.Keys)
        {
            Stop(vmid, counted: false);
        }

        stopping.Dispose();
        folder.Dispose();
    }

    private void Stop(int vmid, bool counted)
    {
        if (PidOf(vmid) is not { } pid)
        {
            return;
        }

        // Counted before the kill: a test that sees the backend gone must also see who stopped it.
        if (counted)
        {
            Interlocked.Increment(ref stopped);
        }

        try
        {
            // Only a process started from this folder: the pid may have been reused by now.
            if (Alive(pid) && File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Contains(folder.Path, StringComparison.Ordinal))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                // Not WaitForExit: where PID 1 does not reap orphans, the killed backend stays a zombie and
                // WaitForExit would wait out its whole timeout.
                for (var n = 0; n < 250 && Alive(pid); n++)
                {
                    process.WaitForExit(20);
                }
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }

        File.Delete(PidFile(vmid));
    }

    private int? PidOf(int vmid)
    {
        try
        {
            return File.Exists(PidFile(vmid)) && int.TryParse(File.ReadAllText(PidFile(vmid)).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool Alive(int pid)
    {
        var status = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        try
        {
            return File.Exists(status) && !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string PidFile(int vmid) => folder.File($"ct/{vmid.ToString(CultureInfo.InvariantCulture)}/pid");

    private void Script(string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
