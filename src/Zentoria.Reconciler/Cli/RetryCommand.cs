using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using Zentoria.Reconciler.Http;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>retry &lt;service&gt;</c>: asks the running operator to deploy a service's failed version again.</summary>
internal static class RetryCommand
{
    private static readonly string TokenVariable = new HttpEndpointOptions().TokenVariable;

    public static Command Create()
    {
        var service = new Argument<string>("service") { Description = "The service (its metadata.name), such as mcp-gateway." };
        var url = new Option<string>("--url")
        {
            Description = "Where the operator listens (its --listen).",
            HelpName = "url",
            DefaultValueFactory = _ => "http://" + OperatorLaunch.DefaultListen,
        };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = $"A file holding the operator's bearer token. Default: ${TokenVariable}.",
            HelpName = "path",
        };
        var command = new Command(
            "retry",
            $"""
            Deploy a service's failed version again. After a deploy fails and is rolled back, the operator remembers the
            failed version and does not try it again until the desired state changes; retry clears that memory and
            starts a pass at once. Sends POST <url>/retry/<service> with the operator's bearer token (from --token-file
            or ${TokenVariable}).

            Exit codes: 0 accepted, 1 refused (no or wrong token, unknown service) or the operator could not be reached.
            Example: zentoria-reconciler retry mcp-gateway --token-file /etc/zentoria/reconcile-token
            """)
        {
            service, url, tokenFile,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var baseUrl = parseResult.GetValue(url)!.TrimEnd('/');
            var name = parseResult.GetValue(service)!;
            var file = parseResult.GetValue(tokenFile);
            if (file is not null && !File.Exists(file))
            {
                await error.WriteLineAsync($"error: the token file '{file}' does not exist");
                return ExitCodes.Error;
            }

            var token = file is not null ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : System.Environment.GetEnvironmentVariable(TokenVariable)?.Trim();
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{baseUrl}/retry/{Uri.EscapeDataString(name)}"));
                if (!string.IsNullOrEmpty(token))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await http.SendAsync(request, cancellationToken);
                var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    await output.WriteLineAsync(body);
                    return ExitCodes.Ok;
                }

                await error.WriteLineAsync($"error: {baseUrl} answered {(int)response.StatusCode}: {body}");
                return ExitCodes.Error;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                await error.WriteLineAsync($"error: no operator answers at {baseUrl} ({e.Message}); start one with run or sandbox, or pass --url");
                return ExitCodes.Error;
            }
        });
        return command;
    }
}
