using System.Text;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Cli;

/// <summary>The status as a table people read: one line per unit, then any validation errors.</summary>
internal static class StatusTable
{
    public static string Render(StatusSnapshot snapshot)
    {
        var text = new StringBuilder();
        text.AppendLine($"Environment {snapshot.Environment}, revision {snapshot.Revision ?? "(none yet)"}, {(snapshot.Ready ? "ready" : "not ready")}");
        var rows = snapshot.Units.Select(u => new[] { u.Kind, u.Name, u.Sync.ToString(), u.Health.ToString(), u.Phase, u.Message }).ToList();
        string[] header = ["KIND", "NAME", "SYNC", "HEALTH", "PHASE", "MESSAGE"];
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Take(widths.Length).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + row[^1]);
        }

        var releases = snapshot.Units.Where(u => u.Rollout is not null).ToList();
        if (releases.Count > 0)
        {
            text.AppendLine("Releases:");
            foreach (var unit in releases)
            {
                text.AppendLine("  " + RolloutLine.Render(unit.Name, unit.Rollout!));
            }
        }

        if (!snapshot.ValidationErrors.IsEmpty)
        {
            text.AppendLine($"The newest desired state ({snapshot.InvalidRevision}) is invalid; still enforcing {snapshot.Revision}:");
            foreach (var error in snapshot.ValidationErrors)
            {
                text.AppendLine("  " + error);
            }
        }

        if (snapshot.Source is { Error: { } fetchError } source)
        {
            text.AppendLine($"Fetching the desired state failed {source.ConsecutiveFailures} time(s) in a row; still enforcing {snapshot.Revision ?? "nothing"}: {fetchError}");
        }

        if (snapshot.Control is { } control)
        {
            if (control.PendingApproval is { } pending)
            {
                text.AppendLine($"Plan {pending.PlanId} awaits approval for revision {pending.Revision} (zentoria-reconciler approve {pending.PlanId}):");
                foreach (var step in pending.Steps)
                {
                    text.AppendLine("  " + step);
                }
            }

            if (!control.Suspended.IsDefaultOrEmpty)
            {
                text.AppendLine($"Suspended at run time: {string.Join(", ", control.Suspended.Select(s => s == "*" ? "everything" : s))}");
            }

            if (control.WindowOverrideUntil is { } until)
            {
                text.AppendLine($"Deployment windows overridden until {until.ToUniversalTime():yyyy-MM-dd HH:mm}Z");
            }
        }

        return text.ToString();
    }
}
