namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The JSON body of a 202 from <c>POST /promote/{service}</c> or <c>POST /abort/{service}</c> (docs/traffic.md).</summary>
/// <param name="Request"><c>promote</c> or <c>abort</c>.</param>
/// <param name="Actor">The API token's name, as the audit trail records it.</param>
/// <param name="Strategy">The release's strategy, <c>BlueGreen</c> or <c>Canary</c>.</param>
/// <param name="Phase">The release's phase when the request was made; the driver acts at its next step decision.</param>
internal sealed record RolloutRequestAccepted(
    string Service,
    string Request,
    string Actor,
    DateTimeOffset At,
    string Strategy,
    string Phase,
    string Version,
    string Message);
