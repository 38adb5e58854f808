namespace Zentoria.Reconciler.DesiredState;

/// <param name="Required">Disruptive changes (deploys, restarts, destroys) wait for an approval.</param>
/// <param name="AllSteps">Every change waits, not only disruptive ones (starting a container that should run, too).</param>
internal sealed record ApprovalSpec(bool Required, bool AllSteps = false)
{
    public static readonly ApprovalSpec None = new(false);
}
