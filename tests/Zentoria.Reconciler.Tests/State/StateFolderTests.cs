using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.State;

internal sealed class StateFolderTests
{
    private TemporaryFolder work = null!;

    [SetUp]
    public void SetUp() => work = new TemporaryFolder();

    [TearDown]
    public void TearDown() => work.Dispose();

    [Test]
    public void By_default_the_state_folder_is_dot_state_slash_env_under_the_working_directory()
    {
        var folder = StateFolder.Open(null, "staging", _ => null, work.Path);

        Assert.That(folder.Path, Is.EqualTo(Path.Combine(work.Path, ".state", "staging")));
        Assert.That(Directory.Exists(folder.Path), Is.True);
    }

    [Test]
    public void The_environment_variable_names_the_root_and_the_environment_is_appended()
    {
        var root = Path.Combine(work.Path, "elsewhere");

        var folder = StateFolder.Open(null, "staging", name => name == "ZENTORIA_STATE_DIR" ? root : null, work.Path);

        Assert.That(folder.Path, Is.EqualTo(Path.Combine(root, "staging")));
    }

    [Test]
    public void A_configured_folder_wins_over_the_environment_variable()
    {
        var configured = Path.Combine(work.Path, "mine");

        var folder = StateFolder.Open(configured, "staging", _ => Path.Combine(work.Path, "ignored"), work.Path);

        Assert.That(folder.Path, Is.EqualTo(configured));
    }

    [Test]
    public void A_relative_configured_folder_is_relative_to_the_working_directory()
    {
        var folder = StateFolder.Open("var/state", "staging", _ => null, work.Path);

        Assert.That(folder.Path, Is.EqualTo(Path.Combine(work.Path, "var", "state")));
    }
}
