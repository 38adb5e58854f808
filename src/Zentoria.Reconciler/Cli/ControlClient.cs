using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;

namespace Zentoria.Reconciler.Cli;

/// <summary>
/// What <c>approve</c>, <c>suspend</c>, <c>resume</c> and <c>override</c> share: the running operator's URL, its
/// bearer token (from <c>--token-file</c> or <c>$ZENTORIA_RECONCILE_TOKEN</c>, never from the command line), and one
/// request whose answer is printed.
/// </summary>
internal sealed class ControlClient
{
    public const string TokenVariable = "ZENTORIA_RECONCILE_TOKEN";

    private readonly Option<string> url = new("--url")
    {
        Description = "Where the operator listens (its --listen).",
        HelpName = "url",
        DefaultValueFactory = _ => "http://" + OperatorLaunch.DefaultListen,
    };

    private readonly Option<string?> tokenFile = new("--token-file")
    {
        Description = $"A file holding the operator's API token. Default: ${TokenVariable}. The audit trail records the token's name as who asked.",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(url);
        command.Options.Add(tokenFile);
    }

    /// <param name="render">Turns a 2xx answer's body into what is printed; null prints it as it came.</param>
    /// <returns>The exit code: 0 when the operator answered 2xx, 1 otherwise (the reason is printed).</returns>
    public async Task<int> SendAsync(ParseResult parseResult, HttpMethod method, string path, CancellationToken cancellationToken, Func<string, string>? render = null)
    {
        var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
        var baseUrl = parseResult.GetValue(url)!.TrimEnd('/');
        var token = parseResult.GetValue(tokenFile) is { } file
            ? File.Exists(file) ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : null
            : System.Environment.GetEnvironmentVariable(TokenVariable)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            await error.WriteLineAsync($"error: no API token: pass --token-file or set {TokenVariable}");
            return ExitCodes.Error;
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(method, new Uri(baseUrl + path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).TrimEnd();
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync(render is null ? body : render(body));
                return ExitCodes.Ok;
            }

            await error.WriteLineAsync(response.StatusCode == HttpStatusCode.Unauthorized
                ? "error: the operator refused the token (401); use the token it was started with"
                : $"error: {body} ({(int)response.StatusCode})");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await error.WriteLineAsync($"error: no operator answers at {baseUrl} ({e.Message}); start one with run or sandbox, or pass --url");
            return ExitCodes.Error;
        }
    }
}
