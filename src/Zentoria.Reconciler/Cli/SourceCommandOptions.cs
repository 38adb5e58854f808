using System.CommandLine;
using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Cli;

/// <summary>
/// Where <c>run</c> and <c>sandbox</c> read the desired state from: <c>--desired-state</c> (a folder, the default) or
/// <c>--source git --repo … --branch … --path …</c> with its credentials, polling and webhook settings.
/// </summary>
internal sealed class SourceCommandOptions
{
    private readonly Option<SourceKind> source = new("--source")
    {
        Description = "Where the desired state comes from: folder (--desired-state, the default) or git (--repo, --branch, --path).",
        DefaultValueFactory = _ => SourceKind.Folder,
    };

    private readonly Option<string?> repository = new("--repo")
    {
        Description = "With --source git: the repository, as a local path, file://, https:// or ssh URL (never with a password or token in it).",
        HelpName = "url",
    };

    private readonly Option<string> branch = new("--branch")
    {
        Description = "With --source git: the branch to follow.",
        HelpName = "name",
        DefaultValueFactory = _ => "main",
    };

    private readonly Option<string?> tag = new("--tag")
    {
        Description = "With --source git: a tag to pin instead of following --branch.",
        HelpName = "name",
    };

    private readonly Option<string> path = new("--path")
    {
        Description = "With --source git: the desired-state folder inside the repository (holding base/ and environments/); empty for its root.",
        HelpName = "dir",
        DefaultValueFactory = _ => "",
    };

    private readonly Option<string?> tokenFile = new("--git-token-file")
    {
        Description = "With an https repository: a file holding an access token (sent as an HTTP header, never on the command line or in a log).",
        HelpName = "file",
    };

    private readonly Option<string?> sshKey = new("--git-ssh-key")
    {
        Description = "With an ssh repository: the private key file; needs --git-known-hosts.",
        HelpName = "file",
    };

    private readonly Option<string?> knownHosts = new("--git-known-hosts")
    {
        Description = "With an ssh repository: a known_hosts file pinning the server's host key.",
        HelpName = "file",
    };

    private readonly Option<bool> followForcePush = new("--git-follow-force-push")
    {
        Description = "Accept a branch whose history was rewritten (a force-push). Without it the last good revision stays in force and status reports the rewrite.",
    };

    private readonly Option<string?> pollInterval = new("--poll-interval")
    {
        Description = "With --source git: how often to fetch without a webhook, such as 30s or 5m (jittered by 10 %). Default 60s.",
        HelpName = "duration",
    };

    private readonly Option<string?> webhookSecretFile = new("--webhook-secret-file")
    {
        Description = "A file holding the shared secret that signs POST /webhook/git (X-Hub-Signature-256). Default: $ZENTORIA_WEBHOOK_SECRET.",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { source, repository, branch, tag, path, tokenFile, sshKey, knownHosts, followForcePush, pollInterval, webhookSecretFile })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The source settings, or null with <paramref name="error"/> when the options contradict each other.</summary>
    /// <param name="folder">The <c>--desired-state</c> folder, used with <c>--source folder</c>.</param>
    /// <param name="defaultPollInterval">The polling interval when <c>--poll-interval</c> is not given.</param>
    public SourceOptions? Build(ParseResult parseResult, string folder, TimeSpan? defaultPollInterval, out string? error)
    {
        var options = new SourceOptions { Kind = parseResult.GetValue(source), Folder = folder };
        options.Webhook.SecretFile = parseResult.GetValue(webhookSecretFile);
        if (parseResult.GetValue(pollInterval) is { } text)
        {
            if (!Durations.TryParse(text, out var interval))
            {
                error = $"--poll-interval '{text}' is not a duration such as 30s or 5m";
                return null;
            }

            options.Polling.Interval = interval;
        }
        else if (defaultPollInterval is { } fallback)
        {
            options.Polling.Interval = fallback;
        }

        if (options.Kind == SourceKind.Folder)
        {
            error = parseResult.GetValue(repository) is null ? null : "--repo needs --source git";
            return error is null ? options : null;
        }

        if (parseResult.GetValue(repository) is not { Length: > 0 } url)
        {
            error = "--source git needs --repo <url>";
            return null;
        }

        options.Folder = null;
        options.Git = new GitSourceOptions
        {
            Repository = url,
            Branch = parseResult.GetValue(branch)!,
            Tag = parseResult.GetValue(tag),
            Path = parseResult.GetValue(path)!.Trim('/'),
            TokenFile = parseResult.GetValue(tokenFile),
            SshKeyFile = parseResult.GetValue(sshKey),
            SshKnownHostsFile = parseResult.GetValue(knownHosts),
            FollowRewrittenHistory = parseResult.GetValue(followForcePush),
        };
        error = SourceOptionsValidation.Errors(options).FirstOrDefault();
        return error is null ? options : null;
    }
}
