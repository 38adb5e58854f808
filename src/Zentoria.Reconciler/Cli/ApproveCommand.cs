using System.CommandLine;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>approve &lt;id&gt;</c>: let the plan held for approval proceed, through the running operator's API.</summary>
internal static class ApproveCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The plan id that status and plan show, such as p-3f9a0c21de." };
        var client = new ControlClient();
        var command = new Command(
            "approve",
            """
            Approve the plan the operator holds for approval (environments with approval.required: true hold
            deploys, restarts, stops and destroys). The approval is for that plan at that revision only: a new
            commit replaces the plan and needs a new approval. Recorded in the audit trail with the token's name.
            Sends POST <url>/approve/<id> with the bearer token.

            Exit codes: 0 approved (or approved already), 1 unknown plan, refused token or no operator.
            Example: ZENTORIA_RECONCILE_TOKEN=... zentoria-reconciler approve p-3f9a0c21de
            """)
        {
            id,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            client.SendAsync(parseResult, HttpMethod.Post, "/approve/" + Uri.EscapeDataString(parseResult.GetValue(id)!), cancellationToken));
        return command;
    }
}
