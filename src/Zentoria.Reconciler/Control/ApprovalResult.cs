namespace Zentoria.Reconciler.Control;

internal enum ApprovalResult
{
    Approved,

    /// <summary>The plan was approved already (for the same revision); nothing was written.</summary>
    AlreadyApproved,

    /// <summary>No pending plan has that id: a typo, or the desired state changed and the plan with it.</summary>
    UnknownPlan,
}
