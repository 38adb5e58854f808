using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Sources;

internal sealed class FolderSourceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task A_folder_is_its_own_snapshot_with_the_loaders_content_hash()
    {
        var folder = TestRepository.MinimalDesiredState;

        var result = await new FolderSource(folder, "test", time).FetchAsync(CancellationToken.None);

        Assert.That(result.Snapshot?.Path, Is.EqualTo(folder));
        Assert.That(result.Snapshot!.Revision, Is.EqualTo(DesiredStateLoader.Load(folder, "test").Desired!.Revision));
        Assert.That(result.Snapshot.FetchedAt, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public async Task An_empty_folder_is_an_error_not_an_empty_desired_state()
    {
        using var empty = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(empty.Path, "base"));

        var result = await new FolderSource(empty.Path, "test", time).FetchAsync(CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(SourceFailureKind.Empty));
    }

    [Test]
    public async Task An_invalid_folder_still_gets_a_revision_so_the_caller_can_report_it()
    {
        using var broken = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(broken.Path, "base"));
        await File.WriteAllTextAsync(Path.Combine(broken.Path, "base", "x.yaml"), "kind: [broken\n");

        var result = await new FolderSource(broken.Path, "test", time).FetchAsync(CancellationToken.None);

        Assert.That(result.Snapshot?.Revision, Does.StartWith("invalid-"));
    }
}
