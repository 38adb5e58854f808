using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Tests.DesiredState;

namespace Zentoria.Reconciler.Tests.Hosting;

/// <summary>The folder is read every pass but parsed again only when its files changed.</summary>
internal sealed class DesiredStateSourceTests
{
    [Test]
    public void An_unchanged_folder_gives_back_the_same_load_without_parsing_it_again()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new DesiredStateSource(folder.Root, "test");

        var first = source.Load();
        var second = source.Load();

        Assert.That(first.IsValid, Is.True);
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void An_edit_is_loaded_on_the_next_read()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new DesiredStateSource(folder.Root, "test");
        var before = source.Load().Desired!;

        folder.Write("environments/test/zz-edit.yaml", "apiVersion: zentoria.ai/v1\nkind: Container\nmetadata: { name: backend }\nspec: { resources: { memoryMiB: 4096 } }\n");
        var after = source.Load().Desired!;

        Assert.That(after.Revision, Is.Not.EqualTo(before.Revision));
        Assert.That(after.Containers.Single(c => c.Name.Value == "backend").Resources.MemoryMiB, Is.EqualTo(4096));
        Assert.That(source.LastValid, Is.SameAs(after));
    }

    [Test]
    public void A_new_file_with_the_same_text_elsewhere_counts_as_a_change()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new DesiredStateSource(folder.Root, "test");
        var before = source.Load();

        folder.Write("environments/test/zz-empty.yaml", "# nothing\n");

        Assert.That(source.Load(), Is.Not.SameAs(before));
    }

    [Test]
    public void An_invalid_folder_keeps_the_last_valid_state_and_its_errors_on_every_read_until_fixed()
    {
        using var folder = DesiredStateFolder.FromMinimal();
        var source = new DesiredStateSource(folder.Root, "test");
        var valid = source.Load().Desired!;

        folder.Write("environments/test/zz-broken.yaml", "apiVersion: zentoria.ai/v1\nkind: Container\nmetadata: { name: backend }\nspec: { resources: { memoryMiB: lots } }\n");
        var rejected = source.Load();
        var rejectedAgain = source.Load();
        File.Delete(Path.Join(folder.Root, "environments/test/zz-broken.yaml"));
        var fixedAgain = source.Load();

        Assert.That(rejected.IsValid, Is.False);
        Assert.That(rejectedAgain.Errors, Is.EqualTo(rejected.Errors));
        Assert.That(source.LastValid, Is.Not.Null);
        Assert.That(fixedAgain.Desired!.Revision, Is.EqualTo(valid.Revision));
    }
}
