using Zentoria.Reconciler.Guests.Ssh;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

internal sealed class GuestPathsTests
{
    [TestCase("/opt/zentoria/config/feature-flags.json", "/opt/zentoria/config", "feature-flags.json")]
    [TestCase("/flags.json", "/", "flags.json")]
    public void A_path_splits_into_folder_and_name(string path, string folder, string name)
    {
        Assert.That(GuestPaths.Folder(path), Is.EqualTo(folder));
        Assert.That(GuestPaths.Name(path), Is.EqualTo(name));
    }

    [Test]
    public void The_temporary_file_is_hidden_in_the_target_s_folder()
    {
        Assert.That(GuestPaths.TemporaryBeside("/opt/flags.json"), Does.Match(@"^/opt/\.flags\.json\.[0-9a-f]{32}\.tmp$"));
        Assert.That(GuestPaths.TemporaryBeside("/flags.json"), Does.Match(@"^/\.flags\.json\.[0-9a-f]{32}\.tmp$"));
    }

    [TestCase("relative/file", false)]
    [TestCase("/folder/", false)]
    [TestCase("/ok", true)]
    public void Only_absolute_file_paths_are_accepted(string path, bool accepted) =>
        Assert.That(GuestPaths.IsAbsolute(path), Is.EqualTo(accepted));

    [Test]
    public void A_mode_prints_as_chmod_takes_it() =>
        Assert.That(GuestPaths.Octal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead), Is.EqualTo("0644"));
}
