using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.DesiredState;

namespace Zentoria.Reconciler.Tests.Status;

internal sealed class StatusJsonTests
{
    [Test]
    public void Each_unit_carries_kind_name_sync_health_phase_message_and_revision_as_words()
    {
        var store = new StatusStore("sandbox", new FakeTimeProvider(), new SecretRedactor());
        var redis = new UnitKey(UnitKind.Service, "redis");
        store.AcceptDesired("rev-1", [redis]);
        store.Record(redis, ReconcileResult.After(TimeSpan.FromSeconds(10), "Waiting for Container/redis to be Healthy."), SyncStatus.OutOfSync, HealthStatus.Progressing, "rev-1");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(store.Snapshot, StatusJsonContext.Default.StatusSnapshot));

        var root = json.RootElement;
        Assert.That(root.GetProperty("environment").GetString(), Is.EqualTo("sandbox"));
        Assert.That(root.GetProperty("revision").GetString(), Is.EqualTo("rev-1"));
        Assert.That(root.GetProperty("validationErrors").GetArrayLength(), Is.Zero);
        var unit = root.GetProperty("units")[0];
        Assert.That(unit.GetProperty("kind").GetString(), Is.EqualTo("Service"));
        Assert.That(unit.GetProperty("name").GetString(), Is.EqualTo("redis"));
        Assert.That(unit.GetProperty("sync").GetString(), Is.EqualTo("OutOfSync"));
        Assert.That(unit.GetProperty("health").GetString(), Is.EqualTo("Progressing"));
        Assert.That(unit.GetProperty("phase").GetString(), Is.EqualTo("Waiting"));
        Assert.That(unit.GetProperty("message").GetString(), Is.EqualTo("Waiting for Container/redis to be Healthy."));
        Assert.That(unit.GetProperty("revision").GetString(), Is.EqualTo("rev-1"));
        var ready = unit.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "Ready");
        Assert.That(ready.GetProperty("status").GetString(), Is.EqualTo("Unknown"));
        Assert.That(ready.GetProperty("reason").GetString(), Is.EqualTo("Progressing"));
        Assert.That(ready.TryGetProperty("lastTransitionTime", out _), Is.True);
    }

    [Test]
    public void The_documented_example_has_exactly_the_fields_a_unit_and_its_rollout_have()
    {
        var store = new StatusStore("sandbox", new FakeTimeProvider(), new SecretRedactor());
        var frontend = new UnitKey(UnitKind.Service, "frontend");
        store.AcceptDesired("rev-1", [frontend]);
        store.SetRollout(frontend, new RolloutStatus("Canary", "Progressing", "v1.5.0", "weight 25 %", 2, 3, 75, 25, "Pass",
            ImmutableDictionary<string, double>.Empty.Add("error-rate", 0.4), DateTimeOffset.UnixEpoch));
        using var served = JsonDocument.Parse(JsonSerializer.Serialize(store.Snapshot, StatusJsonContext.Default.StatusSnapshot));
        var document = File.ReadAllText(Path.Join(RepositoryRoot.Path, "docs", "status-json.md"));
        var start = document.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        using var example = JsonDocument.Parse(document[start..document.IndexOf("```", start, StringComparison.Ordinal)]);

        var servedUnit = served.RootElement.GetProperty("units")[0];
        var exampleUnit = example.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "frontend");
        Assert.That(Names(exampleUnit), Is.EqualTo(Names(servedUnit)));
        Assert.That(Names(exampleUnit.GetProperty("rollout")), Is.EqualTo(Names(servedUnit.GetProperty("rollout"))));
        Assert.That(example.RootElement.GetProperty("units")[0].GetProperty("rollout").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
