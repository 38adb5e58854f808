using System.Text;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.State;

internal sealed class AtomicFileTests
{
    private TemporaryFolder folder = null!;

    [SetUp]
    public void SetUp() => folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => folder.Dispose();

    [Test]
    public void A_write_replaces_the_whole_file_and_leaves_no_temporary_behind()
    {
        var path = folder.File("state.json");
        File.WriteAllText(path, "old content that is longer than the new");

        AtomicFile.Write(path, "new"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void A_writer_that_fails_half_way_leaves_the_old_file_intact()
    {
        var path = folder.File("state.json");
        File.WriteAllText(path, "complete old version");

        Assert.That(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new ver"u8);
            throw new IOException("disk full");
        }), Throws.InstanceOf<IOException>());

        Assert.That(File.ReadAllText(path), Is.EqualTo("complete old version"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }), "the half-written temporary is removed");
    }

    [Test]
    public void Temporaries_left_by_a_killed_writer_are_never_read_and_are_swept_away()
    {
        var path = folder.File("state.json");
        AtomicFile.Write(path, "complete"u8);
        // What kill -9 between create and rename leaves behind: a torn temporary next to the intact file.
        File.WriteAllText(folder.File(".state.json.0123456789abcdef.tmp"), "{\"torn");

        Assert.That(File.ReadAllText(path), Is.EqualTo("complete"));
        Assert.That(AtomicFile.DeleteOrphans(folder.Path), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task A_reader_racing_a_writer_only_ever_sees_whole_versions()
    {
        var path = folder.File("state.json");
        var versions = Enumerable.Range(0, 2).Select(v => new string((char)('a' + v), 200_000 + (v * 1000))).ToArray();
        AtomicFile.Write(path, Encoding.ASCII.GetBytes(versions[0]));

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                AtomicFile.Write(path, Encoding.ASCII.GetBytes(versions[i % 2]));
            }
        });
        var seen = new List<string>();
        while (!writer.IsCompleted && seen.Count < 10_000)
        {
            seen.Add(File.ReadAllText(path));
        }

        await writer;
        Assert.That(seen, Is.Not.Empty);
        Assert.That(seen, Has.All.AnyOf(versions[0], versions[1]));
    }
}
