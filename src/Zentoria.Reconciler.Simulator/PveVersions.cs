namespace Zentoria.Reconciler.Simulator;

/// <summary>Text forms of <see cref="PveVersion"/> and what <c>GET /version</c> reports for each.</summary>
internal static class PveVersions
{
    public static PveVersion Parse(string text) => text.Trim() switch
    {
        "9.1" or "9" => PveVersion.V9_1,
        "8.1" or "8" => PveVersion.V8_1,
        _ => throw new SimulatorConfigurationException($"unsupported PVE version '{text}' (use 9.1 or 8.1)"),
    };

    public static string Release(this PveVersion version) => version == PveVersion.V8_1 ? "8.1" : "9.1";

    // 9.1.5 is the first release that answers every failed authentication with "Authentication failed!".
    public static string FullVersion(this PveVersion version) => version == PveVersion.V8_1 ? "8.1.4" : "9.1.5";

    public static string RepoId(this PveVersion version) => version == PveVersion.V8_1 ? "ec5affc9e41f1d79" : "1e8a3c5b2d4f6a70";
}
