using System.ComponentModel.DataAnnotations;

namespace Zentoria.Reconciler.Sources;

/// <summary>A git repository as the desired-state source (<c>--source git --repo … --branch … --path …</c>).</summary>
internal sealed class GitSourceOptions
{
    /// <summary>A local path, <c>file://</c>, <c>https://</c> or ssh URL; never with a password or token in it.</summary>
    [Required]
    public string Repository { get; set; } = "";

    /// <summary>The branch to follow; ignored when <see cref="Tag"/> is set.</summary>
    /// <value><c>main</c>.</value>
    public string Branch { get; set; } = "main";

    /// <summary>A tag to pin instead of following a branch.</summary>
    public string? Tag { get; set; }

    /// <summary>The desired-state folder inside the repository; empty for its root.</summary>
    public string Path { get; set; } = "";

    /// <summary>A file holding an https access token, sent as basic authentication with <see cref="TokenUser"/>.</summary>
    public string? TokenFile { get; set; }

    /// <summary>The user name paired with the token; GitHub and Gitea accept any non-empty name with a token.</summary>
    /// <value><c>x-access-token</c>.</value>
    public string TokenUser { get; set; } = "x-access-token";

    /// <summary>A private key file for ssh URLs.</summary>
    public string? SshKeyFile { get; set; }

    /// <summary>A known_hosts file pinning the server's host key; required with <see cref="SshKeyFile"/>.</summary>
    public string? SshKnownHostsFile { get; set; }

    /// <summary>Accept a branch whose history no longer contains the last good revision (a force-push), as Flux does.</summary>
    /// <value>False: a rewritten history is reported and the last good revision stays in force until a person decides.</value>
    public bool FollowRewrittenHistory { get; set; }

    /// <summary>The limit for one git command; it is killed past it.</summary>
    /// <value>2 minutes.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many checked-out revisions are kept on disk (the newest).</summary>
    /// <value>3.</value>
    [Range(1, 100)]
    public int KeepCheckouts { get; set; } = 3;

    /// <summary>The git reference fetched: <c>refs/tags/…</c> for a tag, else <c>refs/heads/…</c>.</summary>
    public string RemoteReference => Tag is { Length: > 0 } tag ? $"refs/tags/{tag}" : $"refs/heads/{Branch}";
}
