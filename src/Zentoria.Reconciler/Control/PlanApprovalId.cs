using System.Security.Cryptography;
using System.Text;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <summary>The id of a plan held for approval: the same revision and the same held steps give the same id.</summary>
internal static class PlanApprovalId
{
    /// <remarks>
    /// Steps are described without their position and sorted, so a planner that orders them differently from one
    /// pass to the next does not make an approval vanish; the revision is part of it, so a new commit with the
    /// same steps still needs a new approval.
    /// </remarks>
    public static string For(string revision, IEnumerable<PlanStep> heldSteps)
    {
        var lines = heldSteps.Select(Describe).Order(StringComparer.Ordinal);
        var text = revision + "\n" + string.Join("\n", lines);
        return "p-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];
    }

    public static string Describe(PlanStep step)
    {
        var changes = step.Changes.Select(c => $"{c.Field}: {c.From ?? "-"} -> {c.To ?? "-"}").Order(StringComparer.Ordinal);
        return $"{step.Action} {step.Unit} ({step.Disruption}) {string.Join(", ", changes)}".TrimEnd();
    }
}
