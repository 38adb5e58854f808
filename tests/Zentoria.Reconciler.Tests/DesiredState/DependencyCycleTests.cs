using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

internal sealed class DependencyCycleTests
{
    private static string Service(string name, string container, int port, params string[] dependsOn) =>
        $"apiVersion: zentoria.ai/v1\nkind: Service\nmetadata: {{ name: {name} }}\nspec: {{ container: {container}, port: {port}, dependsOn: [{string.Join(", ", dependsOn)}] }}\n";

    [Test]
    public void Each_cycle_is_reported_once_starting_at_its_first_name_even_when_reached_from_outside()
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string>
        {
            ["environments/test/cycles.yaml"] = string.Join("---\n",
                Service("web", "nginx", 8080, "queue"),
                Service("queue", "backend", 5672, "worker"),
                Service("worker", "backend", 9000, "queue"),
                Service("cache", "postgres", 6379, "store"),
                Service("store", "postgres", 9100, "index"),
                Service("index", "postgres", 9200, "cache")),
        });

        var errors = DesiredStateLoader.Load(folder.Root, "test").Errors.Select(e => $"{e.Path}: {e.Message}");

        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "services[cache].dependsOn[0]: dependsOn forms a cycle: cache -> store -> index -> cache",
            "services[queue].dependsOn[0]: dependsOn forms a cycle: queue -> worker -> queue",
        }));
    }
}
