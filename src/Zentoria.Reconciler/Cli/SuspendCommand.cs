using System.CommandLine;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>suspend [unit]</c> and <c>resume [unit]</c>: stop or restart acting on one unit, or on everything.</summary>
internal static class SuspendCommand
{
    public static Command Create(bool suspend)
    {
        var verb = suspend ? "suspend" : "resume";
        var unit = new Argument<string?>("unit")
        {
            Description = "A unit as Kind/name, such as Container/backend or Service/mcp-gateway; none for everything.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var client = new ControlClient();
        var command = new Command(
            verb,
            suspend
                ? """
                  Suspend one unit, or everything, at run time (as Flux's suspend): the operator keeps reporting but
                  acts on nothing it suspends until resume. Survives restarts; recorded in the audit trail with the
                  token's name. A unit (or the environment) can also be suspended in the desired state.

                  Exit codes: 0 suspended (or suspended already), 1 unknown unit, refused token or no operator.
                  Examples: zentoria-reconciler suspend Container/backend
                            zentoria-reconciler suspend
                  """
                : """
                  Resume a unit, or everything, suspended at run time; a pass starts at once. A suspension written in
                  the desired state stays until it is removed there. Recorded in the audit trail with the token's name.

                  Exit codes: 0 resumed, 1 not suspended at run time, refused token or no operator.
                  Examples: zentoria-reconciler resume Container/backend
                            zentoria-reconciler resume
                  """)
        {
            unit,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(unit) is { Length: > 0 } target
                ? $"/{verb}/{string.Join('/', target.Split('/', 2).Select(Uri.EscapeDataString))}"
                : "/" + verb;
            return client.SendAsync(parseResult, HttpMethod.Post, path, cancellationToken);
        });
        return command;
    }
}
