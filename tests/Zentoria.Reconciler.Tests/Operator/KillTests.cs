using System.Text.Json;
using System.Text.RegularExpressions;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The operator as a child process (<c>run</c>) against the simulator as another (<c>simulator</c>), killed with
/// SIGKILL in the middle of applying at several points and restarted: it converges, creates once, loses no step.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed partial class KillTests
{
    private const string Token = "root@pam!zentoria=kill-test-secret";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Test]
    public async Task The_operator_killed_mid_apply_at_several_points_resumes_without_a_duplicate_create_or_a_lost_step()
    {
        using var folder = new TemporaryFolder();
        var root = folder.File("desired-state");
        OperatorOnSimulator.Copy(Path.Join(RepositoryRoot.Path, "desired-state"), root);
        var desired = DesiredStateLoader.Load(root, "sandbox").Desired!;
        await File.WriteAllTextAsync(folder.File("scenario.json"), Scenario(desired));

        // Slow tasks (1.5 s) so every kill lands while a step is in flight.
        using var simulator = ChildProcess.Start(folder.Path, null,
            "simulator", "--listen", "127.0.0.1:0", "--token", Token, "--task-duration", "1500ms", "--scenario", folder.File("scenario.json"));
        Assert.That(await ChildProcess.UntilAsync(() => Listening().IsMatch(simulator.Output), Limit), Is.True, simulator.Error);
        var baseUrl = new Uri(Listening().Match(simulator.Output).Groups[1].Value);
        var environmentFile = Path.Join(root, "environments", "sandbox", "environment.yaml");
        await File.WriteAllTextAsync(environmentFile, (await File.ReadAllTextAsync(environmentFile)).Replace("http://127.0.0.1:18006", baseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));

        var journal = Path.Join(folder.File("state"), "journal.json");
        var audit = Path.Join(folder.File("state"), "audit.jsonl");
        var killPoints = new (string Name, Func<bool> Reached)[]
        {
            ("first step in flight", () => Read(journal).Contains("\"Intended\"", StringComparison.Ordinal)),
            ("after one audited action", () => Lines(audit) >= 1 && Read(journal).Contains("\"Intended\"", StringComparison.Ordinal)),
            ("the create in flight", () => Read(journal).Contains("\"step\":\"create\",\"state\":\"Intended\"", StringComparison.Ordinal)),
            ("the start of the created container in flight", () => Read(journal).Contains("\"unit\":\"ai\",\"step\":\"start\",\"state\":\"Intended\"", StringComparison.Ordinal)),
        };
        var killed = new List<string>();
        foreach (var (name, reached) in killPoints)
        {
            using var run = Run(folder, root);
            if (await ChildProcess.UntilAsync(reached, Limit))
            {
                killed.Add(name);
            }

            run.Kill();
        }

        using (var final = Run(folder, root))
        {
            using var client = ProxmoxClient.Create(new ProxmoxClientOptions { BaseUrl = baseUrl, ApiToken = Token });
            var converged = false;
            for (var attempt = 0; attempt < 120 && !converged; attempt++)
            {
                converged = await ConvergedAsync(client);
                if (!converged)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }

            Assert.That(converged, Is.True, final.Error);
            Assert.That(await ChildProcess.UntilAsync(() => !Read(journal).Contains("\"Intended\"", StringComparison.Ordinal), Limit), Is.True, "every journaled step completes");
            var creates = await client.Tasks.ListAsync(new NodeName("pve"), SandboxSeed.Missing, "vzcreate", 50, CancellationToken.None);
            TestContext.Out.WriteLine($"Killed at: {string.Join("; ", killed)}. Creates of CT 444: {creates.Count}.");
            Assert.Multiple(() =>
            {
                Assert.That(killed, Has.Count.EqualTo(killPoints.Length), "every kill landed mid-apply");
                Assert.That(creates, Has.Count.EqualTo(1), "no duplicate create");
            });
        }

        simulator.Kill();
    }

    private static ChildProcess Run(TemporaryFolder folder, string root) =>
        ChildProcess.Start(folder.Path, new Dictionary<string, string?> { ["ZENTORIA_PROXMOX_TOKEN"] = Token },
            "run", "--env", "sandbox", "--desired-state", root, "--state-dir", folder.File("state"), "--listen", "127.0.0.1:0");

    private static async Task<bool> ConvergedAsync(ProxmoxClient client)
    {
        var listed = await client.Cluster.GetContainersAsync(CancellationToken.None);
        bool Running(int vmid) => listed.Any(r => r.VmId == new VmId(vmid) && r.PowerState == GuestPowerState.Running);
        if (!Running(443) || !Running(444) || listed.Any(r => r.Lock is not null))
        {
            return false;
        }

        var backend = await client.Config.GetAsync(new NodeName("pve"), SandboxSeed.HalfMemory, CancellationToken.None);
        return backend.MemoryMiB == 4096;
    }

    /// <summary>The sandbox's drift (443 stopped, 441 at half memory, 444 missing) as a scenario file for the simulator verb; without drift, every container as desired.</summary>
    internal static string Scenario(Desired desired, bool drifted = true) => JsonSerializer.Serialize(new
    {
        containers = desired.Containers.Where(c => !drifted || c.VmId != SandboxSeed.Missing).Select(c => new
        {
            vmid = c.VmId.Value,
            node = c.Node.Value,
            hostname = c.Hostname,
            status = drifted && c.VmId == SandboxSeed.Stopped ? "stopped" : "running",
            cores = c.Resources.Cores,
            memory = drifted && c.VmId == SandboxSeed.HalfMemory ? c.Resources.MemoryMiB / 2 : c.Resources.MemoryMiB,
            swap = c.Resources.SwapMiB,
            diskGiB = c.Resources.DiskGiB,
            storage = c.Create?.Storage ?? "local-lvm",
            net0 = Net0.With(null, c.Network),
            tags = PlanValues.EffectiveTags(c, desired.Environment.ManagedTag),
            description = c.Description,
            onboot = c.OnBoot,
        }),
    });

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

    private static int Lines(string path) => Read(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"listening on (\S+)")]
    internal static partial Regex Listening();
}
