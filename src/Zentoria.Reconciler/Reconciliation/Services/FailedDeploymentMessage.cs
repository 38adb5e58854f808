namespace Zentoria.Reconciler.Reconciliation.Services;

internal static class FailedDeploymentMessage
{
    /// <summary>The unit's message while a failed version is remembered: what happened, and what brings it back.</summary>
    public static string Of(FailedDeployment failure) =>
        $"{failure.Reason} {failure.Version} is not deployed again until the desired state changes or `zentoria-reconciler retry {failure.Service}`.";
}
