using System.CommandLine;
using System.Text.Json;
using Zentoria.Reconciler.Reconciliation.Rollouts;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>promote &lt;service&gt;</c> and <c>abort &lt;service&gt;</c>: steer a blue/green or canary release under way.</summary>
internal static class RolloutCommand
{
    public static Command Create(RolloutRequestKind kind)
    {
        var verb = RolloutControl.ActionName(kind);
        var service = new Argument<string>("service") { Description = "The service (its metadata.name), such as mcp-gateway." };
        var json = new Option<bool>("--json") { Description = "Print the operator's JSON answer (service, request, actor, at, strategy, phase, version, message)." };
        var client = new ControlClient();
        var what = kind == RolloutRequestKind.Promote
            ? """
              Promote the blue/green or canary release of a service now: skip its remaining steps and analysis, update
              the stable side to the new version and send it all traffic.
              """
            : """
              Abort the blue/green or canary release of a service now: traffic goes back to the stable version, the
              clone is destroyed and the version is remembered as failed (retry <service> deploys it again).
              """;
        var command = new Command(
            verb,
            $"""
            {what}

            The release's driver takes the request at its next step decision (a pass starts at once); recorded in the
            audit trail with the token's name. Sends POST <url>/{verb}/<service> with the bearer token.

            Exit codes: 0 accepted, 1 refused (unknown service, Rolling strategy or no release under way, no or wrong
            token) or the operator could not be reached.
            Example: ZENTORIA_RECONCILE_TOKEN=... zentoria-reconciler {verb} mcp-gateway
            """)
        {
            service, json,
        };
        client.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            client.SendAsync(parseResult, HttpMethod.Post, $"/{verb}/{Uri.EscapeDataString(parseResult.GetValue(service)!)}", cancellationToken,
                parseResult.GetValue(json) ? null : Message));
        return command;
    }

    private static string Message(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, RolloutsJsonContext.Default.RolloutRequestAccepted)?.Message ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
