using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.State;

internal sealed class JournalTests
{
    private static readonly UnitKey Gateway = new(UnitKind.Service, "mcp-gateway");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private TemporaryFolder work = null!;
    private StateFolder folder = null!;

    [SetUp]
    public void SetUp()
    {
        work = new TemporaryFolder();
        folder = StateFolder.Open(work.Path, "sandbox", _ => null, work.Path);
    }

    [TearDown]
    public void TearDown() => work.Dispose();

    [Test]
    public void A_step_intended_before_a_kill_is_pending_after_the_restart()
    {
        var journal = Journal.Open(folder, time);
        journal.Intend(Gateway, "canary-25", "rev-1", new Dictionary<string, string> { ["startedAt"] = "2026-11-26T12:00:00Z" });

        // A restart after kill -9: nothing but what is on disk survives.
        var restarted = Journal.Open(folder, time);

        var pending = restarted.Pending();
        Assert.That(pending, Has.Length.EqualTo(1));
        Assert.That(pending[0].Key, Is.EqualTo(Gateway));
        Assert.That(pending[0].Step, Is.EqualTo("canary-25"));
        Assert.That(pending[0].Revision, Is.EqualTo("rev-1"));
        Assert.That(pending[0].Facts["startedAt"], Is.EqualTo("2026-11-26T12:00:00Z"));
        Assert.That(pending[0].IntendedAt, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public void A_completed_step_is_no_longer_pending_after_the_restart()
    {
        var journal = Journal.Open(folder, time);
        journal.Intend(Gateway, "canary-25", "rev-1");
        time.Advance(TimeSpan.FromMinutes(10));
        journal.Complete(Gateway, "canary-25");

        var restarted = Journal.Open(folder, time);

        Assert.That(restarted.Pending(), Is.Empty);
        var entry = restarted.Find(Gateway, "canary-25");
        Assert.That(entry!.State, Is.EqualTo(JournalStepState.Completed));
        Assert.That(entry.CompletedAt, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public void Intending_a_step_again_replaces_its_entry()
    {
        var journal = Journal.Open(folder, time);
        journal.Intend(Gateway, "deploy", "rev-1");
        journal.Complete(Gateway, "deploy");
        journal.Intend(Gateway, "deploy", "rev-2");

        var entries = Journal.Open(folder, time).Entries;

        Assert.That(entries, Has.Length.EqualTo(1));
        Assert.That(entries[0].Revision, Is.EqualTo("rev-2"));
        Assert.That(entries[0].State, Is.EqualTo(JournalStepState.Intended));
    }

    [Test]
    public void Forgetting_a_unit_drops_all_its_steps_and_no_other()
    {
        var frontend = new UnitKey(UnitKind.Service, "frontend");
        var journal = Journal.Open(folder, time);
        journal.Intend(Gateway, "a", "rev-1");
        journal.Intend(Gateway, "b", "rev-1");
        journal.Intend(frontend, "a", "rev-1");

        journal.Forget(Gateway);

        Assert.That(Journal.Open(folder, time).Entries.Select(e => e.Key), Is.EqualTo(new[] { frontend }));
    }

    [Test]
    public void A_torn_temporary_from_a_killed_write_is_ignored_and_swept_on_open()
    {
        var journal = Journal.Open(folder, time);
        journal.Intend(Gateway, "canary-5", "rev-1");
        var torn = folder.File(".journal.json.deadbeef.tmp");
        File.WriteAllText(torn, "{\"version\":1,\"entries\":[{\"kind\":\"Serv");

        var restarted = Journal.Open(folder, time);

        Assert.That(restarted.Pending().Select(e => e.Step), Is.EqualTo(new[] { "canary-5" }));
        Assert.That(File.Exists(torn), Is.False);
    }

    [TestCase("{\"version\":1,\"entries\":[{\"kind\":\"Serv", Description = "cut off mid-write by something other than this journal")]
    [TestCase("", Description = "empty")]
    [TestCase("{\"version\":99,\"entries\":[]}", Description = "a future format")]
    public void A_damaged_journal_refuses_to_open_rather_than_forget_steps(string content)
    {
        File.WriteAllText(folder.File(Journal.FileName), content);

        Assert.That(() => Journal.Open(folder, time),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("move it aside"));
    }

    [Test]
    public void Concurrent_units_journal_without_losing_each_others_entries()
    {
        var journal = Journal.Open(folder, time);

        Parallel.For(0, 20, i => journal.Intend(new UnitKey(UnitKind.Container, $"ct-{i}"), "start", "rev-1"));

        Assert.That(Journal.Open(folder, time).Pending(), Has.Length.EqualTo(20));
    }
}
