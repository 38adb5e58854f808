using System.Collections.Immutable;

namespace Zentoria.Reconciler.Planning;

/// <summary>Units counted as terraform counts resources: a unit created or destroyed is not also "changed".</summary>
/// <param name="Restart">Units the operator reboots to apply pending changes.</param>
/// <param name="ReportOnly">Units with drift that is only reported.</param>
/// <param name="Refused">Units with a change the operator will not make.</param>
internal sealed record PlanSummary(int Create, int Change, int Destroy, int Restart, int ReportOnly, int Refused)
{
    public static PlanSummary Of(ImmutableArray<PlanStep> steps)
    {
        int create = 0, change = 0, destroy = 0, restart = 0, reportOnly = 0, refused = 0;
        foreach (var unit in steps.GroupBy(s => s.Unit))
        {
            var actionable = unit.Where(s => s.IsActionable).Select(s => s.Action).ToHashSet();
            if (actionable.Contains(StepAction.Create))
            {
                create++;
            }
            else if (actionable.Contains(StepAction.Destroy))
            {
                destroy++;
            }
            else if (actionable.Any(a => a is not StepAction.Restart))
            {
                change++;
            }

            if (actionable.Contains(StepAction.Restart))
            {
                restart++;
            }

            if (unit.Any(s => s.ReportOnly))
            {
                reportOnly++;
            }

            if (unit.Any(s => s.Action == StepAction.Refused))
            {
                refused++;
            }
        }

        return new PlanSummary(create, change, destroy, restart, reportOnly, refused);
    }
}
