namespace Zentoria.Reconciler.Sandbox;

internal static class SandboxScenarios
{
    public static readonly IReadOnlyDictionary<string, SandboxScenario> ByName = new Dictionary<string, SandboxScenario>(StringComparer.Ordinal)
    {
        ["default"] = SandboxScenario.Default,
        ["broken-release"] = SandboxScenario.BrokenRelease,
        ["bad-canary"] = SandboxScenario.BadCanary,
    };
}
