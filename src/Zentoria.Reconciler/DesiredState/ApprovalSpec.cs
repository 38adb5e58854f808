namespace Zentoria.Reconciler.DesiredState;

/// <param name="Required">Disruptive changes (deploys, restarts, destroys) wait for an approval.</param>
internal sealed record ApprovalSpec(bool Required)
{
    public static readonly ApprovalSpec None = new(false);
}
