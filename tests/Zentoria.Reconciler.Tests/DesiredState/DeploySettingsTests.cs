using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary><c>deploy.snapshot</c>, <c>deploy.timeout</c>, <c>deploy.versionCommand</c>, <c>guests.port</c> and <c>guests.trustOnFirstUse</c>.</summary>
internal sealed class DeploySettingsTests
{
    [Test]
    public void Deploy_and_guest_settings_are_read_and_default_when_absent()
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string>
        {
            ["environments/test/guests.yaml"] = """
                apiVersion: zentoria.ai/v1
                kind: Environment
                metadata: { name: test }
                spec:
                  guests: { mode: direct, port: 2222, keyFile: /etc/zentoria/ssh/id_ed25519, trustOnFirstUse: true }
                ---
                apiVersion: zentoria.ai/v1
                kind: Service
                metadata: { name: api }
                spec:
                  deploy: { snapshot: true, timeout: 2m, versionCommand: ["cat", "/opt/app/VERSION"] }
                """,
        });

        var loaded = DesiredStateLoader.Load(folder.Root, "test");

        Assert.That(loaded.Errors, Is.Empty);
        var api = loaded.Desired!.FindService(new ServiceName("api"))!;
        var postgres = loaded.Desired.FindService(new ServiceName("postgres"))!;
        Assert.Multiple(() =>
        {
            Assert.That(api.DeploySettings, Is.EqualTo(new DeploySettings(true, TimeSpan.FromMinutes(2), new CommandTemplate(["cat", "/opt/app/VERSION"]))).Using<DeploySettings>(Same));
            Assert.That(api.Deploy!.Arguments, Is.EqualTo(new[] { "/opt/app/deploy.sh", "{image}", "{version}" }), "the command stays as base has it");
            Assert.That(postgres.DeploySettings, Is.EqualTo(DeploySettings.Default));
            Assert.That(loaded.Desired.Environment.Guests, Is.EqualTo(new GuestAccessSpec(GuestTransportMode.Direct, "root", "/etc/zentoria/ssh/id_ed25519", null, null, 2222, TrustOnFirstUse: true)));
        });
    }

    private static bool Same(DeploySettings a, DeploySettings b) =>
        a.Snapshot == b.Snapshot && a.Timeout == b.Timeout && a.VersionCommand!.Arguments.SequenceEqual(b.VersionCommand!.Arguments);
}
