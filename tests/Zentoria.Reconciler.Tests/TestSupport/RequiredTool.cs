namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// A program an integration test starts. Missing on a developer's machine, the test is ignored with the package to
/// install; missing under CI (<c>CI=true</c>), it fails, so a broken image cannot pass by skipping.
/// </summary>
internal static class RequiredTool
{
    public static void Require(string path, string debianPackage)
    {
        if (File.Exists(path))
        {
            return;
        }

        var message = $"{path} is missing: install the Debian package {debianPackage} (scripts/test.sh does)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }
}
