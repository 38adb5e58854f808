namespace Zentoria.Reconciler.Tests.Planning;

/// <summary>Paths of files shipped in the repository, found from the test assembly's folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zentoria.Reconciler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (holding Zentoria.Reconciler.sln) is not above the test folder");
    }
}
