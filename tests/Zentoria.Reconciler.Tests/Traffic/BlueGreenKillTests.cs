using System.Runtime.Versioning;
using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.Guests.Ssh;
using Zentoria.Reconciler.Tests.Operator;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// The operator as a child process (<c>run</c>) against the simulator as another, releasing the backend blue/green
/// through a real NGINX over real SSH, killed with SIGKILL after each step of the release and started again.
/// </summary>
[Category("Integration")]
[NonParallelizable]
[SupportedOSPlatform("linux")]
internal sealed class BlueGreenKillTests
{
    private const string Token = "root@pam!zentoria=kill-test-secret";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    /// <summary>The audited actions of an uninterrupted release, in order: a kill follows each.</summary>
    private static readonly string[] Steps =
    [
        BlueGreenDeploy.CloneAction, BlueGreenDeploy.StartCloneAction, BlueGreenDeploy.DeployCloneAction, BlueGreenDeploy.SwitchAction,
        RollingDeploy.DeployAction, BlueGreenDeploy.SwitchAction, BlueGreenDeploy.DestroyCloneAction,
    ];

    [Test]
    public async Task The_operator_killed_after_each_step_of_a_blue_green_release_finishes_it_with_no_orphaned_clone_and_nginx_always_on_a_serving_backend()
    {
        using var folder = new TemporaryFolder();
        await using var backends = new GuestBackends(TimeSpan.Zero);
        await backends.DeployAsync(GuestBackends.Original, GatewayRig.Previous);
        var original = new UpstreamEndpoint(GuestBackends.Addresses[GuestBackends.Original], backends.Port);
        using var nginx = RealNginx.Start([(RealNginx.Upstream + ".conf", UpstreamFile.Render(UpstreamRouting.All(RealNginx.Upstream, UpstreamPool.Stable, original), new ServiceName(GuestBackends.Service)).Content!)]);
        // The operator's `pct` is looked up on the node's PATH, where the stand-in is.
        using var sshd = RealSshd.Start($"SetEnv PATH={Path.GetDirectoryName(backends.PctCommand)}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        var root = folder.File("desired-state");
        OperatorOnSimulator.Copy(Path.Join(RepositoryRoot.Path, "desired-state"), root);
        await File.WriteAllTextAsync(folder.File("scenario.json"), KillTests.Scenario(DesiredStateLoader.Load(root, OperatorOnSimulator.Environment).Desired!, drifted: false));
        GatewayDesiredState.Apply(root, nginx, backends, sshd, StrategyKind.BlueGreen, GatewayRig.Next);

        using var simulator = ChildProcess.Start(folder.Path, null,
            "simulator", "--listen", "127.0.0.1:0", "--token", Token, "--task-duration", "100ms", "--scenario", folder.File("scenario.json"));
        Assert.That(await ChildProcess.UntilAsync(() => KillTests.Listening().IsMatch(simulator.Output), Limit), Is.True, simulator.Error);
        var baseUrl = new Uri(KillTests.Listening().Match(simulator.Output).Groups[1].Value);
        var environmentFile = Path.Join(root, "environments", "sandbox", "environment.yaml");
        await File.WriteAllTextAsync(environmentFile, (await File.ReadAllTextAsync(environmentFile)).Replace("http://127.0.0.1:18006", baseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        using var client = ProxmoxClient.Create(new ProxmoxClientOptions { BaseUrl = baseUrl, ApiToken = Token });
        backends.Watch(client, new NodeName("pve"));

        var state = folder.File("state");
        var killedAfter = new List<string>();
        var unsafeAtKill = new List<string>();
        await using var guard = UpstreamGuard.Start(Path.Combine(nginx.UpstreamDir, RealNginx.Upstream + ".conf"));
        for (var step = 1; step <= Steps.Length; step++)
        {
            using var run = Run(folder, root);
            var reached = await ChildProcess.UntilAsync(() => Actions(state).Count >= step || Finished(state), Limit);
            run.Kill();
            var done = Actions(state);
            killedAfter.Add(reached && done.Count >= step ? done[^1] : $"(not reached: {string.Join(", ", done)})");
            if (await guard.CheckAsync(CancellationToken.None) is { } problem)
            {
                unsafeAtKill.Add($"after {done.Count} actions: {problem}");
            }
        }

        using (var final = Run(folder, root))
        {
            var finished = await ChildProcess.UntilAsync(() => Finished(state) && !Journal(state).Contains("\"Intended\"", StringComparison.Ordinal), Limit);
            Assert.That(finished, Is.True, $"the release did not finish: {string.Join(", ", Actions(state))}\n{final.Error}");
        }

        var listed = await client.Containers.ListAsync(new NodeName("pve"), CancellationToken.None);
        using var traffic = new TrafficClient(nginx.BaseAddress);
        var after = await traffic.SendAsync(200);
        TestContext.Out.WriteLine($"Killed after: {string.Join("; ", killedAfter)}. Actions: {string.Join(", ", Actions(state))}. Upstream checks: {guard.Checks}.");
        simulator.Kill();
        Assert.Multiple(() =>
        {
            Assert.That(killedAfter, Is.EqualTo(Steps), "a kill followed each step of the release");
            Assert.That(unsafeAtKill, Is.Empty, "at a kill, the upstream pointed at a backend that did not serve");
            Assert.That(guard.Violations, Is.Empty, "the upstream pointed at a backend that did not serve");
            Assert.That(listed.Select(c => c.VmId.Value), Does.Not.Contain(GuestBackends.Clone), "no orphaned clone");
            Assert.That(backends.Runs(GuestBackends.Clone), Is.False, "the clone's backend is gone with it");
            Assert.That(after.Answers, Is.EqualTo(new Dictionary<string, int> { [GuestBackends.Answer(GatewayRig.Next)] = 200 }), after.ToString());
        });
    }

    private static ChildProcess Run(TemporaryFolder folder, string root) =>
        ChildProcess.Start(folder.Path, new Dictionary<string, string?> { ["ZENTORIA_PROXMOX_TOKEN"] = Token },
            "run", "--env", OperatorOnSimulator.Environment, "--desired-state", root, "--state-dir", folder.File("state"), "--listen", "127.0.0.1:0");

    /// <summary>The gateway's audited actions that succeeded, in order (a line being written is left for the next read).</summary>
    private static List<string> Actions(string state)
    {
        var actions = new List<string>();
        foreach (var line in Read(Path.Join(state, "audit.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var entry = document.RootElement;
                if (entry.GetProperty("unit").GetString() == GuestBackends.Service && entry.GetProperty("result").GetString() == "Succeeded")
                {
                    actions.Add(entry.GetProperty("action").GetString()!);
                }
            }
            catch (JsonException)
            {
                break;
            }
        }

        return actions;
    }

    private static bool Finished(string state) => Actions(state).Contains(BlueGreenDeploy.DestroyCloneAction);

    private static string Journal(string state) => Read(Path.Join(state, "journal.json"));

    private static string Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
