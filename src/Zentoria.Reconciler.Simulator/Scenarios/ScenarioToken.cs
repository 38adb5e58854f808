namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>
/// An extra API token. Without <see cref="Acl"/> it has every right; with one it has exactly the listed
/// privileges per path (<c>"/vms/441": "VM.Audit,VM.PowerMgmt"</c>), like a privilege-separated token.
/// </summary>
internal sealed class ScenarioToken
{
    /// <summary><c>user@realm!tokenid</c>.</summary>
    public string Id { get; set; } = "";

    public string Secret { get; set; } = "";

    public bool Expired { get; set; }

    /// <summary>A duration from the simulator's start (<c>10m</c>) after which the token stops working.</summary>
    public string? ExpiresAfter { get; set; }

    public Dictionary<string, string>? Acl { get; set; }
}
