using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

internal sealed class UnitWindowsTests
{
    private const string Backend = "metadata: { name: backend }\nspec:\n  vmid: 441\n";

    [Test]
    public void A_container_carries_its_own_windows_and_the_environment_may_be_suspended()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        folder.Write("base/containers.yaml", File.ReadAllText(Path.Join(folder.Root, "base", "containers.yaml")).Replace(Backend,
            Backend + "  windows:\n    - { kind: deny, schedule: \"0 8 * * 1-5\", duration: 10h, timeZone: Europe/Amsterdam }\n", StringComparison.Ordinal));
        var environment = Path.Join(folder.Root, "environments", "test", "environment.yaml");
        folder.Write("environments/test/environment.yaml", File.ReadAllText(environment) + "  suspend: true\n");

        var loaded = DesiredStateLoader.Load(folder.Root, "test");

        Assert.That(loaded.Errors, Is.Empty);
        Assert.That(loaded.Desired!.Environment.Suspend, Is.True);
        Assert.That(loaded.Desired.Containers.Single(c => c.Name.Value == "backend").Windows,
            Is.EqualTo(new[] { new SyncWindowSpec(SyncWindowKind.Deny, "0 8 * * 1-5", TimeSpan.FromHours(10), "Europe/Amsterdam") }));
        Assert.That(loaded.Desired.Containers.Single(c => c.Name.Value == "nginx").Windows, Is.Empty);
    }

    [Test]
    public void A_bad_unit_window_is_an_error_naming_file_line_and_field()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        folder.Write("base/containers.yaml", File.ReadAllText(Path.Join(folder.Root, "base", "containers.yaml")).Replace(Backend,
            Backend + "  windows:\n    - { kind: allow, schedule: \"61 * * * *\", duration: 1h }\n", StringComparison.Ordinal));

        var loaded = DesiredStateLoader.Load(folder.Root, "test");

        Assert.That(loaded.Errors.Select(e => folder.Relative(e.ToString())),
            Has.Some.Matches<string>(e => e.StartsWith("desired-state/base/containers.yaml:", StringComparison.Ordinal)
                && e.Contains(": containers[backend].windows[0].schedule: ", StringComparison.Ordinal)));
    }
}
