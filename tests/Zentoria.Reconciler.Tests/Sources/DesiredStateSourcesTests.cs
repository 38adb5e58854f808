using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Sources;

internal sealed class DesiredStateSourcesTests
{
    [Test]
    public void The_configured_kind_decides_the_source()
    {
        using var work = new TemporaryFolder();
        var state = StateFolder.Open(work.Path, "test", _ => null, work.Path);

        var folder = Create(new SourceOptions { Folder = "desired-state" }, state, out var folderError);
        var git = Create(new SourceOptions { Kind = SourceKind.Git, Git = { Repository = "/srv/stack.git", Path = "deploy" } }, state, out var gitError);

        Assert.That(folder, Is.InstanceOf<FolderSource>());
        Assert.That(git, Is.InstanceOf<GitSource>());
        Assert.That(git!.Description, Does.Contain("/srv/stack.git").And.Contain("refs/heads/main"));
        Assert.That((folderError, gitError), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void Settings_that_cannot_work_are_a_start_up_error()
    {
        using var work = new TemporaryFolder();
        var state = StateFolder.Open(work.Path, "test", _ => null, work.Path);

        var noFolder = Create(new SourceOptions(), state, out var folderError);
        var noToken = Create(new SourceOptions { Kind = SourceKind.Git, Git = { Repository = "https://example.invalid/r.git", TokenFile = work.File("missing") } }, state, out var tokenError);

        Assert.That(noFolder, Is.Null);
        Assert.That(folderError, Does.Contain("folder"));
        Assert.That(noToken, Is.Null);
        Assert.That(tokenError, Does.Contain("token file"));
    }

    private static IDesiredStateSource? Create(SourceOptions options, StateFolder state, out string? error) =>
        DesiredStateSources.Create(options, "test", state, TimeProvider.System, new SecretRedactor(), NullLogger.Instance, out error);
}
