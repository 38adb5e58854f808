using System.Text;
using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Sources;

/// <summary>
/// Turns the configured credentials into environment variables for git: an https token as an
/// <c>http.extraHeader</c> set through <c>GIT_CONFIG_COUNT</c>, an ssh key with a pinned host key through
/// <c>GIT_SSH_COMMAND</c>.
/// </summary>
/// <remarks>
/// Environment variables, unlike arguments, are not shown by <c>ps</c> to other users, and git never prints its
/// configuration values in errors. Both the token and the header built from it are registered with the redactor
/// before git runs, so an echo of either is masked.
/// </remarks>
internal static class GitCredentials
{
    public static Dictionary<string, string?> Environment(GitSourceOptions options, SecretRedactor redactor)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (options.TokenFile is { } tokenFile)
        {
            var token = File.ReadAllText(tokenFile).Trim();
            redactor.Register(token);
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.TokenUser}:{token}"));
            redactor.Register(basic);
            variables["GIT_CONFIG_COUNT"] = "1";
            variables["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            variables["GIT_CONFIG_VALUE_0"] = $"Authorization: Basic {basic}";
        }

        if (options.SshKeyFile is { } key)
        {
            // GIT_SSH_COMMAND is read by a shell, so every path is single-quoted; BatchMode refuses any prompt.
            variables["GIT_SSH_COMMAND"] = string.Join(' ',
                "ssh", "-i", Quote(key), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + Quote(options.SshKnownHostsFile ?? "/dev/null"));
        }

        return variables;
    }

    /// <summary>Single-quotes <paramref name="value"/> for a POSIX shell; a quote inside becomes <c>'\''</c>.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
