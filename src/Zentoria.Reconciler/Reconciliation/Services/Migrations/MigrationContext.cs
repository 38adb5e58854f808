using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>What every step of one migration run shares: the unit its actions are journaled under, and the limits.</summary>
internal sealed record MigrationContext(UnitKey Unit, ServiceSpec Service, string Version, string Revision, TimeSpan Timeout)
{
    public IReadOnlyDictionary<string, string> Facts(params (string Key, string Value)[] more)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["version"] = Version };
        foreach (var (key, value) in more)
        {
            facts[key] = value;
        }

        return facts;
    }
}
