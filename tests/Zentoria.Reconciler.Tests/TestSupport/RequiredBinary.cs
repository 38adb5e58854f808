namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// What a test does when a real component is not installed: on a developer's machine it is skipped with the
/// reason; under CI (<c>CI=true</c>) it fails, because there a skipped integration test would hide a gap.
/// </summary>
internal static class RequiredBinary
{
    public static void Missing(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }
}
