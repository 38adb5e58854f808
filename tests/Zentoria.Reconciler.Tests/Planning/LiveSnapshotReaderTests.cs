using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Planning.Snapshots;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class LiveSnapshotReaderTests
{
    private const string Container = """
        {"vmid": 441, "node": "pve", "hostname": "b", "status": "running", "onBoot": true, "cores": 1, "memoryMiB": 512,
         "swapMiB": 0, "diskGiB": 8, "network": null, "tags": [], "description": null, "pendingKeys": [], "lock": null}
        """;

    private static string Snapshot(string container = Container) =>
        $$"""
        {
          "containers": [
            {{container}}
          ],
          "services": [],
          "flagSets": []
        }
        """;

    private static string ErrorFor(string json)
    {
        Assert.That(LiveSnapshotReader.TryParse(json, "snap.json", out _, out var error), Is.False);
        return error!;
    }

    [TestCase("sandbox-drifted.json")]
    [TestCase("sandbox-converged.json")]
    public void The_shipped_samples_read_without_error(string file)
    {
        var ok = LiveSnapshotReader.TryRead(RepositoryFiles.PathOf($"examples/live-snapshots/{file}"), out var state, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(state!.Containers, Is.Not.Empty);
    }

    [Test]
    public void A_written_snapshot_reads_back_to_the_same_json()
    {
        Assert.That(LiveSnapshotReader.TryRead(RepositoryFiles.PathOf("examples/live-snapshots/sandbox-drifted.json"), out var state, out _), Is.True);

        var written = LiveSnapshotJson.Write(state!);

        Assert.That(LiveSnapshotReader.TryParse(written, "again.json", out var again, out var error), Is.True, error);
        Assert.That(LiveSnapshotJson.Write(again!), Is.EqualTo(written));
    }

    [Test]
    public void Enums_are_camel_case_strings_and_the_vmid_a_number()
    {
        Assert.That(LiveSnapshotReader.TryParse(Snapshot(), "snap.json", out var state, out _), Is.True);

        Assert.That(LiveSnapshotJson.Write(state!), Does.Contain("\"vmid\": 441").And.Contain("\"status\": \"running\""));
    }

    [Test]
    public void Malformed_json_is_one_line_with_file_line_and_column()
    {
        var error = ErrorFor("{\n  \"containers\": [,]\n}");

        Assert.That(error, Does.StartWith("snap.json:2:"));
        Assert.That(error, Does.Not.Contain("\n").And.Not.Contain("   at "));
    }

    [Test]
    public void A_misspelt_field_is_named()
    {
        Assert.That(ErrorFor(Snapshot(Container.Replace("\"cores\"", "\"corse\"", StringComparison.Ordinal))), Does.Contain("unknown field 'corse'").And.StartWith("snap.json:3:"));
    }

    [Test]
    public void A_missing_field_is_named()
    {
        Assert.That(ErrorFor(Snapshot(Container.Replace(", \"lock\": null", "", StringComparison.Ordinal))), Does.Contain("missing field(s) 'lock'"));
    }

    [Test]
    public void A_wrong_power_state_says_which_values_are_allowed()
    {
        var error = ErrorFor(Snapshot(Container.Replace("\"running\"", "\"paused\"", StringComparison.Ordinal)));

        Assert.That(error, Does.Contain("$.containers[0].status: expected \"running\" or \"stopped\""));
    }

    [Test]
    public void A_string_where_a_number_belongs_asks_for_a_whole_number()
    {
        Assert.That(ErrorFor(Snapshot(Container.Replace("\"cores\": 1", "\"cores\": \"1\"", StringComparison.Ordinal))), Does.EndWith("$.containers[0].cores: expected a whole number, found string"));
    }

    [Test]
    public void A_null_where_a_value_is_required_is_named()
    {
        Assert.That(ErrorFor(Snapshot(Container.Replace("\"hostname\": \"b\"", "\"hostname\": null", StringComparison.Ordinal))), Does.Contain("'hostname' must not be null"));
    }

    [Test]
    public void A_duplicate_vmid_is_refused()
    {
        var json = Snapshot(Container + "," + Container);

        Assert.That(ErrorFor(json), Is.EqualTo("snap.json: $.containers[1].vmid: duplicate vmid 441"));
    }

    [Test]
    public void A_missing_file_is_one_line_naming_it()
    {
        Assert.That(LiveSnapshotReader.TryRead("/nonexistent/snap.json", out LiveState? _, out var error), Is.False);

        Assert.That(error, Does.StartWith("/nonexistent/snap.json: cannot read the live snapshot"));
    }
}
