using System.CommandLine;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Cli;

/// <summary>The options <c>run</c>, <c>apply</c> and <c>sandbox</c> share, each made fresh per command.</summary>
internal static class CommonOptions
{
    public static Option<string> Environment() => new("--env")
    {
        Description = "The environment to enforce: a folder under <desired-state>/environments, such as staging or sandbox.",
        HelpName = "name",
        Required = true,
    };

    public static Option<string> DesiredState() => new("--desired-state")
    {
        Description = "The desired-state folder, holding base/ and environments/<name>/. Re-read before every pass.",
        HelpName = "path",
        DefaultValueFactory = _ => ValidateCommand.DefaultDesiredState,
    };

    public static Option<LogFormat> LogFormat() => new("--log-format")
    {
        Description = "Logs (always on stderr): text for people, json for log shippers.",
        DefaultValueFactory = _ => Hosting.LogFormat.Text,
    };

    public static Option<string> Listen() => new("--listen")
    {
        Description = "Loopback address and port of the operator's HTTP endpoint (/metrics, /status, /healthz, /readyz, POST /reconcile).",
        HelpName = "address:port",
        DefaultValueFactory = _ => OperatorLaunch.DefaultListen,
    };

    public static Option<string?> StateDirectory() => new("--state-dir")
    {
        Description = "Where the journal and audit trail live. Default: $ZENTORIA_STATE_DIR/<env>, else .state/<env>.",
        HelpName = "path",
    };

    public static Option<string> Timeout(string fallback) => new("--timeout")
    {
        Description = $"How long to keep trying to converge before giving up, such as 90s or 5m. Default {fallback}.",
        HelpName = "duration",
        DefaultValueFactory = _ => fallback,
    };

    public static Option<string?> TokenFile() => new("--token-file")
    {
        Description = "A file holding the bearer token for the state-changing routes (POST /reconcile, /approve, /suspend, /resume, /override). Default: $ZENTORIA_RECONCILE_TOKEN.",
        HelpName = "file",
    };

    public static Option<string?> NotifyFile() => new("--notify-file")
    {
        Description = "A file of notification webhooks, one per line: 'json <url>' or 'slack <url>'. They hear once about each rejected revision.",
        HelpName = "file",
    };

    public static Option<string?> TokenName() => new("--token-name")
    {
        Description = "Who the token stands for in the audit trail (approvals, suspensions, overrides). Default: the token file's name, else the variable's.",
        HelpName = "name",
    };
}
