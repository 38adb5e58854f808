using System.CommandLine;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>override --for 2h</c> / <c>override --clear</c>: let disruptive steps run outside the deployment windows for a while.</summary>
internal static class OverrideCommand
{
    public static Command Create()
    {
        var duration = new Option<string>("--for")
        {
            Description = "How long the override lasts, such as 30m or 2h (at most 7 days).",
            HelpName = "duration",
            DefaultValueFactory = _ => "1h",
        };
        var clear = new Option<bool>("--clear") { Description = "End the override now." };
        var client = new ControlClient();
        var command = new Command(
            "override",
            """
            Override the deployment windows: disruptive steps may run now, outside the allow windows and inside the
            deny windows, until the override ends. Approvals are still required where configured. Recorded in the
            audit trail with the token's name.

            Exit codes: 0 done, 1 bad duration, refused token or no operator.
            Examples: zentoria-reconciler override --for 2h
                      zentoria-reconciler override --clear
            """)
        {
            duration, clear,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => parseResult.GetValue(clear)
            ? client.SendAsync(parseResult, HttpMethod.Delete, "/override", cancellationToken)
            : client.SendAsync(parseResult, HttpMethod.Post, "/override?for=" + Uri.EscapeDataString(parseResult.GetValue(duration)!), cancellationToken));
        return command;
    }
}
