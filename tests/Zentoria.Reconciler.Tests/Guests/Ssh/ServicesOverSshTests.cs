using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.Operator;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>
/// The operator end to end over real SSH and real HTTP: the environment's <c>guests</c> settings reach the test sshd
/// in <c>pct</c> mode (a stand-in <c>pct</c> runs the command on this machine, as <c>pct exec</c> would in the
/// container), a real deploy script records the version, and a real python3 process answers /health with it.
/// Everything a guest writes stays in a temporary folder.
/// </summary>
[Category("Integration")]
[SupportedOSPlatform("linux")]
internal sealed class ServicesOverSshTests
{
    private const string Service = "ai-orchestrator";
    private const string ServiceAddress = "127.0.2.245";

    private TemporaryFolder folder = null!;
    private GuestServiceProcess guest = null!;

    private string FlagsFile => folder.File("backend/feature-flags.json");

    [SetUp]
    public async Task StartGuest()
    {
        folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("backend"));
        guest = await GuestServiceProcess.StartAsync(ServiceAddress, folder.File("ai-state"));
        File.WriteAllText(guest.VersionFile, SandboxSeed.StaleVersion + "\n");
        Script("pct", """
            #!/bin/sh
            [ "$1" = exec ] && [ "$3" = -- ] || { echo "pct: expected exec <vmid> -- ..." >&2; exit 255; }
            shift 3
            exec "$@"
            """);
        Script("deploy.sh", $"""
            #!/bin/sh
            # deploy.sh <image> <version>: installs the version, here by recording it where the service reads it.
            set -eu
            printf '%s\n' "$2" > '{guest.StateFolder}/version.tmp'
            mv '{guest.StateFolder}/version.tmp' '{guest.VersionFile}'
            echo "$1:$2 is installed"
            """);
    }

    [TearDown]
    public void StopGuest()
    {
        guest.Dispose();
        folder.Dispose();
    }

    [Test]
    public async Task A_version_deploys_over_ssh_a_broken_one_is_rolled_back_and_flag_drift_is_corrected()
    {
        var server = SshdSetUp.Server;
        await using var op = await OperatorOnSimulator.StartAsync(
            seed: (cluster, desired) => SandboxSeed.Apply(cluster, desired, drifted: false),
            edit: Edit);
        var access = op.Desired.Environment.Guests!;
        var options = SshGuestOptions.From(access, null);
        options.PctCommand = folder.File("pct");
        using var guests = SshGuestShellProvider.Create(op.Desired.Environment, options, TimeProvider.System, NullLoggerFactory.Instance);
        await op.UseGuestsAsync(guests);

        await op.PassAsync();
        var deployed = (guest.Version, op.Service(Service).Sync, op.Service(Service).Health);

        guest.Break("v1.4.3");
        op.Edit("base/services.yaml", "image: ghcr.io/zentoriaai/zentoria-ai-orchestrator\n  version: v1.4.2", "image: ghcr.io/zentoriaai/zentoria-ai-orchestrator\n  version: v1.4.3");
        await op.PassAsync();
        var rolledBack = op.Service(Service);

        var drifted = File.ReadAllText(FlagsFile).Replace("\"rolloutPercentage\": 50", "\"rolloutPercentage\": 5", StringComparison.Ordinal);
        File.WriteAllText(FlagsFile, drifted);
        await op.PassAsync();

        Assert.That(FlagFile.TryParse(File.ReadAllBytes(FlagsFile), out var flags, out var error), Is.True, error?.Message);
        Assert.Multiple(() =>
        {
            Assert.That(deployed, Is.EqualTo(("v1.4.2", SyncStatus.Synced, HealthStatus.Healthy)), server.Log());
            Assert.That(guest.Version, Is.EqualTo("v1.4.2"), "v1.4.3 failed and v1.4.2 was redeployed over SSH");
            Assert.That((rolledBack.Health, rolledBack.Phase), Is.EqualTo((HealthStatus.Degraded, ServiceUnitReconciler.RolledBackPhase)), rolledBack.Message);
            Assert.That(rolledBack.Message, Does.Contain("v1.4.3 was installed but failed its health check").And.Contain("HTTP 500"));
            Assert.That(flags!.Flags.Single(f => f.Name == "websocket-compression").Rollout, Is.EqualTo(50), "the drifted flag is corrected");
            Assert.That(flags.Revision, Is.EqualTo(op.Desired.Revision));
        });

        void Edit(OperatorOnSimulator copy)
        {
            copy.Edit("environments/sandbox/environment.yaml", "  prune: false",
                $"  guests: {{ mode: pct, user: {RealSshd.User}, port: {server.Port}, keyFile: {server.ClientEd25519Key}, hostKeyFingerprint: \"{server.HostFingerprint("ed25519")}\" }}\n  prune: false");
            copy.Edit("base/services.yaml", "/opt/zentoria/deploy.sh", folder.File("deploy.sh"));
            copy.Edit("base/services.yaml", "  dependsOn: [mcp-gateway, qdrant]\n", "");
            copy.Edit("base/feature-flags.yaml", "/opt/zentoria/config/feature-flags.json", FlagsFile);
            copy.Edit(ServiceStack.StackFile, "retries: 3", "retries: 1");
            ServiceStack.OverlayOrchestrator(copy, $"  port: {guest.Port}");
        }
    }

    private void Script(string name, string text)
    {
        var path = folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
