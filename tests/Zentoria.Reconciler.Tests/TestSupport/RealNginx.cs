using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// A real NGINX from Debian's package with its own prefix in a temporary folder, listening on 127.0.0.1 and a free
/// port, proxying everything to the upstream <see cref="Upstream"/>, whose file lives in <see cref="UpstreamDir"/>
/// (included as <c>*.conf</c>). Started in the foreground as a child, the way <c>reference/real-components.md</c>
/// section 3 found to work.
/// </summary>
internal sealed class RealNginx : IDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";
    public const string Upstream = "backend";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly TemporaryFolder folder = new();
    private Process? process;

    private RealNginx()
    {
        foreach (var name in new[] { "conf", "logs", "tmp", "upstreams" })
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, name));
        }

        Port = LoopbackPort.Free();
        File.WriteAllText(Path.Combine(folder.Path, "conf", "reload-and-wait.sh"), """
            # reload-and-wait.sh <master pid file> <reload command...>
            old=$(ps -o pid= --ppid "$(cat "$1")")
            shift
            "$@" || exit
            for w in $old; do
                n=0
                while [ -d "/proc/$w" ] && [ "$n" -lt 500 ]; do sleep 0.02; n=$((n + 1)); done
            done

            """);
        File.WriteAllText(Path.Combine(folder.Path, "conf", "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder.Path}}/logs/nginx.pid;
            error_log {{folder.Path}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder.Path}}/tmp/client_body;
                proxy_temp_path       {{folder.Path}}/tmp/proxy;
                fastcgi_temp_path     {{folder.Path}}/tmp/fastcgi;
                uwsgi_temp_path       {{folder.Path}}/tmp/uwsgi;
                scgi_temp_path        {{folder.Path}}/tmp/scgi;
                include {{UpstreamDir}}/*.conf;
                server {
                    listen 127.0.0.1:{{Port}};
                    location / { proxy_pass http://{{Upstream}}; }
                }
            }

            """);
    }

    public int Port { get; }

    /// <summary>The folder NGINX includes <c>*.conf</c> from; the operator's upstream files go here.</summary>
    public string UpstreamDir => Path.Combine(folder.Path, "upstreams");

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The proxy settings an operator would have in its desired state for this NGINX.</summary>
    public NginxSpec Spec => new(UpstreamDir, new CommandTemplate([.. Command, "-t"]), new CommandTemplate([.. Command, "-s", "reload"]));

    /// <summary>
    /// A reload that returns once NGINX runs the new configuration only: <c>nginx -s reload</c> itself returns as soon
    /// as the master is signalled, while the old workers go on routing their connections' requests by the old one.
    /// This waits (at most 10 s) until every worker that ran before has exited.
    /// </summary>
    public CommandTemplate ReloadAndWait => new(["/bin/sh", Path.Combine(folder.Path, "conf", "reload-and-wait.sh"), Path.Combine(folder.Path, "logs", "nginx.pid"), .. Command, "-s", "reload"]);

    private string[] Command => [NginxPath, "-p", folder.Path + "/", "-c", "conf/nginx.conf", "-e", "logs/error.log"];

    /// <summary>Starts NGINX once <paramref name="initialFiles"/> (name and content, in <see cref="UpstreamDir"/>) are in place.</summary>
    public static RealNginx Start(IEnumerable<(string Name, byte[] Content)> initialFiles)
    {
        RequiredTool.Require(NginxPath, "nginx");
        var nginx = new RealNginx();
        try
        {
            foreach (var (name, content) in initialFiles)
            {
                File.WriteAllBytes(Path.Combine(nginx.UpstreamDir, name), content);
            }

            nginx.Run();
            return nginx;
        }
        catch
        {
            nginx.Dispose();
            throw;
        }
    }

    /// <summary>The master's worker processes right now.</summary>
    public HashSet<int> Workers()
    {
        var master = process!.Id.ToString(CultureInfo.InvariantCulture);
        var workers = new HashSet<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var parent = File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
                if (parent?["PPid:".Length..].Trim() == master)
                {
                    workers.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return workers;
    }

    /// <summary>
    /// Waits until a reload has taken effect: every worker that ran before is gone and a new one serves. After that,
    /// each request is routed by the new configuration.
    /// </summary>
    public async Task WaitForReloadAsync(HashSet<int> workersBefore, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var now = Workers();
            if (now.Count > 0 && !now.Overlaps(workersBefore))
            {
                return;
            }

            try
            {
                await Task.Delay(PollInterval, TimeProvider.System, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"NGINX did not replace its workers within {timeout.TotalSeconds} s: before {string.Join(',', workersBefore)}, now {string.Join(',', now)}; {ErrorLog()}");
            }
        }
    }

    public string ErrorLog()
    {
        var path = Path.Combine(folder.Path, "logs", "error.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : "";
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        folder.Dispose();
    }


    private void Run()
    {
        var start = new ProcessStartInfo(NginxPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in Command.Skip(1).Concat(["-g", "daemon off;"]))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                Assert.Fail($"nginx exited with {process.ExitCode} at start: {ErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Task.Delay(PollInterval, TimeProvider.System).Wait();
            }
        }

        Assert.Fail($"nginx did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s: {ErrorLog()}");
    }
}
