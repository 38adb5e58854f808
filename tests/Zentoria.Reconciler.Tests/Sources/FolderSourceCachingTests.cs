using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Tests.DesiredState;

namespace Zentoria.Reconciler.Tests.Sources;

/// <summary>The folder is read on every fetch but parsed again only when its files changed, and no edit is missed.</summary>
internal sealed class FolderSourceCachingTests
{
    private readonly FakeTimeProvider time = new();

    [Test]
    public async Task An_unchanged_folder_keeps_its_revision()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new FolderSource(folder.Root, "test", time);

        var first = await RevisionAsync(source);
        var second = await RevisionAsync(source);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Is.EqualTo(DesiredStateLoader.Load(folder.Root, "test").Desired!.Revision));
    }

    [Test]
    public async Task An_edit_gives_the_revision_of_the_edited_folder_on_the_next_fetch()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new FolderSource(folder.Root, "test", time);
        var before = await RevisionAsync(source);

        folder.Write("environments/test/zz-edit.yaml", "apiVersion: zentoria.ai/v1\nkind: Container\nmetadata: { name: backend }\nspec: { resources: { memoryMiB: 4096 } }\n");
        var after = await RevisionAsync(source);

        Assert.That(after, Is.Not.EqualTo(before));
        Assert.That(after, Is.EqualTo(DesiredStateLoader.Load(folder.Root, "test").Desired!.Revision));
    }

    [Test]
    public async Task A_new_file_with_the_same_text_elsewhere_counts_as_a_change()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new FolderSource(folder.Root, "test", time);
        folder.Write("environments/test/zz-a.yaml", "# nothing\n");
        var before = await RevisionAsync(source);

        folder.Write("environments/test/zz-b.yaml", "# nothing\n");

        Assert.That(await RevisionAsync(source), Is.Not.EqualTo(before));
    }

    [Test]
    public async Task An_invalid_folder_is_invalid_on_every_fetch_until_fixed_and_then_back_to_the_valid_revision()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new FolderSource(folder.Root, "test", time);
        var valid = await RevisionAsync(source);

        folder.Write("environments/test/zz-broken.yaml", "apiVersion: zentoria.ai/v1\nkind: Container\nmetadata: { name: backend }\nspec: { resources: { memoryMiB: lots } }\n");
        var rejected = await RevisionAsync(source);
        var rejectedAgain = await RevisionAsync(source);
        File.Delete(Path.Join(folder.Root, "environments/test/zz-broken.yaml"));
        var fixedAgain = await RevisionAsync(source);

        Assert.Multiple(() =>
        {
            Assert.That(rejected, Does.StartWith("invalid-"));
            Assert.That(rejectedAgain, Is.EqualTo(rejected));
            Assert.That(fixedAgain, Is.EqualTo(valid));
        });
    }

    private static async Task<string> RevisionAsync(FolderSource source)
    {
        var fetched = await source.FetchAsync(CancellationToken.None);
        return fetched.Snapshot?.Revision ?? throw new AssertionException($"the fetch failed: {fetched.Failure}");
    }
}
