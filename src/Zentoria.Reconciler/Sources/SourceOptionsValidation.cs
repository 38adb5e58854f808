namespace Zentoria.Reconciler.Sources;

/// <summary>Start-up checks of the <c>source</c> settings, each message naming the setting and its value (never a secret).</summary>
internal static class SourceOptionsValidation
{
    public static IEnumerable<string> Errors(SourceOptions options)
    {
        if (options.Kind == SourceKind.Folder)
        {
            // Unset is allowed: the operator is then handed its folder by the command that starts it.
            if (options.Folder is { } folder && !Directory.Exists(folder))
            {
                yield return $"Source.Folder ({folder}) does not exist.";
            }

            yield break;
        }

        var git = options.Git;
        if (GitSourceOptionsCheck.Check(git) is { } problem)
        {
            yield return $"Source.Git: {problem}.";
        }

        foreach (var (name, file) in new[] { ("Source.Git.TokenFile", git.TokenFile), ("Source.Git.SshKeyFile", git.SshKeyFile), ("Source.Git.SshKnownHostsFile", git.SshKnownHostsFile), ("Source.Webhook.SecretFile", options.Webhook.SecretFile) })
        {
            if (file is not null && !File.Exists(file))
            {
                yield return $"{name} ({file}) does not exist.";
            }
        }

        var polling = options.Polling;
        if (polling.Interval < TimeSpan.FromSeconds(1) || polling.Interval > TimeSpan.FromDays(1))
        {
            yield return $"Source.Polling.Interval ({polling.Interval}) must be between 1 s and one day.";
        }

        if (polling.JitterFraction is < 0 or > 0.5)
        {
            yield return $"Source.Polling.JitterFraction ({polling.JitterFraction}) must be between 0 and 0.5.";
        }

        if (polling.BackoffInitial <= TimeSpan.Zero || polling.BackoffMax < polling.BackoffInitial)
        {
            yield return $"Source.Polling.BackoffInitial ({polling.BackoffInitial}) must be positive and not longer than Source.Polling.BackoffMax ({polling.BackoffMax}).";
        }
    }
}
