namespace Zentoria.Reconciler.Sources;

/// <summary>Refuses git source settings that would leak a credential or let a value pass for a git option.</summary>
internal static class GitSourceOptionsCheck
{
    public static string? Check(GitSourceOptions options)
    {
        var url = options.Repository;
        if (string.IsNullOrWhiteSpace(url) || url.StartsWith('-'))
        {
            return $"the repository '{url}' is not a path or URL";
        }

        // A password or token in the URL would reach process arguments, logs and .git/config.
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            return "the repository URL carries a password or token; put the token in a file and set its path instead";
        }

        var reference = options.Tag is { Length: > 0 } tag ? tag : options.Branch;
        if (!IsSafeReference(reference))
        {
            return $"'{reference}' is not a valid branch or tag name";
        }

        // A rooted path would make Path.Combine drop the checkout folder and read anywhere on the machine.
        if (Path.IsPathRooted(options.Path) || options.Path.Split('/', '\\').Contains(".."))
        {
            return $"the path '{options.Path}' leaves the repository";
        }

        if (options.SshKeyFile is not null && options.SshKnownHostsFile is null)
        {
            return "an ssh key needs a known_hosts file that pins the server's host key";
        }

        return options.CommandTimeout > TimeSpan.Zero ? null : "the git command timeout must be positive";
    }

    private static bool IsSafeReference(string name) =>
        name.Length > 0 && !name.StartsWith('-') && !name.Contains("..", StringComparison.Ordinal) &&
        !name.EndsWith('/') && !name.EndsWith(".lock", StringComparison.Ordinal) &&
        name.All(c => !char.IsControl(c) && c is not (' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\'));
}
