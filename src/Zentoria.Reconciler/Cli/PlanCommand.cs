using System.CommandLine;
using System.Globalization;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Planning.Rendering;
using Zentoria.Reconciler.Planning.Snapshots;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>plan</c>: compare the desired state with a saved live snapshot and print what would change.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var environment = new Option<string>("--env")
        {
            Description = "The environment to plan: a folder under <desired-state>/environments, such as production, staging or sandbox.",
            HelpName = "name",
            Required = true,
        };
        var desiredState = new Option<string>("--desired-state")
        {
            Description = "The desired-state folder, holding base/ and environments/<name>/.",
            HelpName = "path",
            DefaultValueFactory = _ => ValidateCommand.DefaultDesiredState,
        };
        var snapshot = new Option<string>("--live-snapshot")
        {
            Description = "A JSON file describing the live state (containers, services, flag sets) to plan against, "
                + "such as examples/live-snapshots/sandbox-drifted.json. Its format is in docs/plan-json.md.",
            HelpName = "file",
            Required = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the plan as JSON (the stable shape in docs/plan-json.md) instead of text.",
        };
        var revision = new Option<string?>("--revision")
        {
            Description = "The revision to name the plan by, such as the commit SHA a git-sourced operator enforces; it is part of the approval id. Default: the folder's content hash.",
            HelpName = "sha",
        };

        var command = new Command(
            "plan",
            """
            Show what the operator would change, without changing anything.

            plan loads the desired state of one environment (as validate does), compares it with a live snapshot
            saved as JSON (start from the samples in examples/live-snapshots/), and prints the steps that would
            make the live state match, like terraform plan:
              +  create      ~  change in place      -  destroy
              !  restart to apply changes Proxmox holds pending
              x  refused: a change the operator will not make (such as shrinking a disk)
            Steps are grouped in waves that follow dependsOn (databases before the backend, the backend before
            the frontend); each names the fields it changes (from -> to) and why. Steps marked "report only" are
            drift the desired state asks to report, never to correct.

            Exit codes: 0 nothing to change, 2 changes planned, 1 error (invalid desired state or snapshot).
            Colour is used only on a terminal, and never when NO_COLOR is set.
            Example: zentoria-reconciler plan --env sandbox --live-snapshot examples/live-snapshots/sandbox-drifted.json
            """)
        {
            environment,
            desiredState,
            snapshot,
            json,
            revision,
        };
        command.SetAction(parseResult =>
        {
            var asJson = parseResult.GetValue(json);
            return Run(
                parseResult.GetValue(desiredState) ?? ValidateCommand.DefaultDesiredState,
                parseResult.GetValue(environment)!,
                parseResult.GetValue(snapshot)!,
                asJson,
                colour: !asJson && !Console.IsOutputRedirected && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR")),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                parseResult.GetValue(revision));
        });
        return command;
    }

    internal static int Run(string desiredStateRoot, string environment, string snapshotFile, bool json, bool colour, TextWriter output, TextWriter error, string? revision = null)
    {
        var desired = Load(desiredStateRoot, environment, error);
        if (desired is not null && revision is not null)
        {
            desired = desired with { Revision = revision };
        }

        if (!LiveSnapshotReader.TryRead(snapshotFile, out var live, out var snapshotError))
        {
            error.WriteLine(snapshotError);
        }

        if (desired is null || live is null)
        {
            return ExitCodes.Error;
        }

        var plan = Planner.Plan(desired, live);
        output.Write(json ? PlanJsonWriter.Write(plan) : PlanTextRenderer.Render(plan, colour));
        var approval = ApprovalGate.Decide(desired.Environment.Approval, desired.Revision, plan.Steps, desired.Environment.Approval.AllSteps, (_, _) => false);
        if (!json && approval.PlanId is { } id)
        {
            // The operator names the plan it holds the same way, so status shows this id and approve takes it.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Approval required: plan {id} holds {approval.Held.Length} disruptive step(s) at revision {desired.Revision}; once the operator holds it, run: zentoria-reconciler approve {id}"));
        }
        return plan.IsEmpty ? ExitCodes.Ok : ExitCodes.Changes;
    }

    private static Desired? Load(string desiredStateRoot, string environment, TextWriter error)
    {
        var result = DesiredStateLoader.Load(desiredStateRoot, environment);
        if (result.IsValid)
        {
            return result.Desired;
        }

        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.ToString());
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Errors.Length} error{(result.Errors.Length == 1 ? "" : "s")} in the desired state of '{environment}'"));
        return null;
    }
}
