using System.CommandLine;
using System.Text.Json;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>status</c>: what the running operator reports, as a table or as its JSON.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the status JSON as served (the shape in docs/status-json.md) instead of a table." };
        var url = new Option<string>("--url")
        {
            Description = "Where the operator listens (its --listen).",
            HelpName = "url",
            DefaultValueFactory = _ => "http://" + OperatorLaunch.DefaultListen,
        };
        var command = new Command(
            "status",
            """
            Show the running operator's status: per unit its sync (Synced, OutOfSync, Unknown), health (Healthy,
            Progressing, Degraded, Missing, Suspended, Unknown), phase and message, and any desired-state errors.
            Reads GET <url>/status from an operator started with run or sandbox.

            Exit codes: 0 shown, 1 the operator could not be reached.
            Example: zentoria-reconciler status --json
            """)
        {
            json, url,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var baseUrl = parseResult.GetValue(url)!.TrimEnd('/');
            string body;
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                body = await http.GetStringAsync(new Uri(baseUrl + "/status"), cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                await error.WriteLineAsync($"error: no operator answers at {baseUrl} ({e.Message}); start one with run or sandbox, or pass --url");
                return ExitCodes.Error;
            }

            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(body);
                return ExitCodes.Ok;
            }

            if (JsonSerializer.Deserialize(body, StatusJsonContext.Default.StatusSnapshot) is not { } snapshot)
            {
                await error.WriteLineAsync($"error: {baseUrl}/status did not answer with status JSON");
                return ExitCodes.Error;
            }

            await output.WriteAsync(StatusTable.Render(snapshot));
            return ExitCodes.Ok;
        });
        return command;
    }
}
