namespace Zentoria.Reconciler.Tests.DesiredState;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Zentoria.Reconciler.sln, found upwards from the test assembly.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Join(directory.FullName, "Zentoria.Reconciler.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Zentoria.Reconciler.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
