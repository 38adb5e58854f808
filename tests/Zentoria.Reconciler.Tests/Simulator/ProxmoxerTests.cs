using System.Diagnostics;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

/// <summary>An independent, real client (Debian's python3-proxmoxer) speaks to the simulator over HTTPS.</summary>
internal sealed class ProxmoxerTests
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Proxmoxer_lists_starts_configures_snapshots_and_stops_a_container()
    {
        await using var sim = await ProxmoxSimulator.StartAsync(
            new SimulatorOptions { UseHttps = true, TaskDuration = TimeSpan.FromMilliseconds(200) }, CancellationToken.None);
        sim.Cluster.AddContainer(new ContainerSeed { VmId = 101, Hostname = "web01" });
        sim.Cluster.AddContainer(new ContainerSeed { VmId = 102, Hostname = "db01" });

        var (exitCode, stdout, stderr) = await RunScriptAsync(sim);

        Assert.That(exitCode, Is.EqualTo(0), stderr);
        var seen = JsonNode.Parse(stdout)!;
        Assert.Multiple(() =>
        {
            Assert.That(seen["version"]!.GetValue<string>(), Is.EqualTo("9.1"));
            Assert.That(seen["listed"]!.AsArray().Select(v => v!.GetValue<int>()), Is.EqualTo(new[] { 101, 102 }));
            Assert.That(seen["start_upid"]!.GetValue<string>(), Does.Match("^UPID:pve:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:vzstart:101:root@pam!zentoria:$"));
            Assert.That(seen["start_exit"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(seen["status_after_start"]!.GetValue<string>(), Is.EqualTo("running"));
            Assert.That(seen["cores_after_put"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(seen["description_after_put"]!.GetValue<string>(), Is.EqualTo("set by proxmoxer\n"));
            Assert.That(seen["digest_after"]!.GetValue<string>(), Is.Not.EqualTo(seen["digest_before"]!.GetValue<string>()));
            Assert.That(seen["stale_digest_error"]!["status"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(seen["stale_digest_error"]!["reason"]!.GetValue<string>(), Is.EqualTo("detected modified configuration - file changed by other user? Try again."));
            Assert.That(seen["snapshot_exit"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(seen["snapshots"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "proxmoxer", "current" }));
            Assert.That(seen["stop_exit"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(seen["status_after_stop"]!.GetValue<string>(), Is.EqualTo("stopped"));
            Assert.That(seen["log_tail"]!.GetValue<string>(), Is.EqualTo("TASK OK"));
            Assert.That(seen["missing_error"]!["status"]!.GetValue<int>(), Is.EqualTo(500));
            Assert.That(seen["missing_error"]!["reason"]!.GetValue<string>(), Is.EqualTo("Configuration file 'nodes/pve/lxc/999.conf' does not exist"));
        });

        var container = sim.Cluster.FindContainer(101)!;
        Assert.That(container.Config["cores"], Is.EqualTo("2"));
        Assert.That(container.Snapshots, Is.EqualTo(new[] { "proxmoxer" }));
        Assert.That(container.Running, Is.False);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(ProxmoxSimulator sim)
    {
        var script = Path.Combine(TestContext.CurrentContext.TestDirectory, "Simulator", "Fixtures", "proxmoxer_client.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--host", $"127.0.0.1:{sim.Port}", "--token", sim.Token, "--vmid", "101" })
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the user's Python environment (pyenv and friends) out of the system interpreter.
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        start.Environment["NO_PROXY"] = "127.0.0.1";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
