using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Tests.Sources;

internal sealed class GitSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private TestRepository repository = null!;
    private FakeLogger<GitSource> logger = null!;
    private SecretRedactor redactor = null!;

    [SetUp]
    public void SetUp()
    {
        repository = new TestRepository();
        logger = new FakeLogger<GitSource>();
        redactor = new SecretRedactor();
    }

    [TearDown]
    public void TearDown() => repository.Dispose();

    [Test]
    public async Task A_fetch_checks_out_the_branch_and_reports_its_commit_sha()
    {
        var sha = repository.CommitMinimal();

        var result = await Source().FetchAsync(CancellationToken.None);

        Assert.That(result.Succeeded, Is.True, result.Failure?.Message);
        Assert.That(result.Snapshot!.Revision, Is.EqualTo(sha));
        Assert.That(result.Snapshot.FetchedAt, Is.EqualTo(Now));
        Assert.That(result.Snapshot.Path, Does.EndWith(Path.Combine(sha, TestRepository.DesiredPath)));
        var loaded = DesiredStateLoader.Load(result.Snapshot.Path, "test");
        Assert.That(loaded.IsValid, Is.True, string.Join("\n", loaded.Errors));
    }

    [Test]
    public async Task A_new_commit_is_picked_up_by_the_next_fetch()
    {
        repository.CommitMinimal();
        var source = Source();
        var first = await source.FetchAsync(CancellationToken.None);

        repository.WriteFile("deploy/base/notes.yaml", "# a comment only\n");
        var second = repository.CommitAndPush("a second commit");
        var next = await source.FetchAsync(CancellationToken.None);

        Assert.That(next.Snapshot?.Revision, Is.EqualTo(second));
        Assert.That(next.Snapshot!.Revision, Is.Not.EqualTo(first.Snapshot!.Revision));
        Assert.That(File.Exists(Path.Combine(next.Snapshot.Path, "base", "notes.yaml")), Is.True);
    }

    [Test]
    public async Task A_commit_with_invalid_yaml_is_fetched_and_the_loader_rejects_it_so_the_caller_keeps_the_last_valid_revision()
    {
        var good = repository.CommitMinimal();
        var source = Source();
        var first = await source.FetchAsync(CancellationToken.None);
        var lastValid = DesiredStateLoader.Load(first.Snapshot!.Path, "test");

        repository.WriteFile("deploy/base/containers.yaml", "kind: Container\nspec: [unclosed\n");
        var broken = repository.CommitAndPush("broken yaml");
        var next = await source.FetchAsync(CancellationToken.None);
        var rejected = DesiredStateLoader.Load(next.Snapshot!.Path, "test");

        Assert.That(next.Snapshot.Revision, Is.EqualTo(broken));
        Assert.That(rejected.IsValid, Is.False);
        Assert.That(lastValid.IsValid, Is.True);
        Assert.That(DesiredStateLoader.Load(first.Snapshot.Path, "test").IsValid, Is.True, "the last valid checkout is still on disk");
        Assert.That(first.Snapshot.Revision, Is.EqualTo(good));
    }

    [Test]
    public async Task A_force_push_is_refused_by_default_and_followed_when_configured()
    {
        repository.CommitMinimal();
        repository.WriteFile("deploy/base/notes.yaml", "# second\n");
        repository.CommitAndPush("second");
        var source = Source();
        var follower = Source(o => o.FollowRewrittenHistory = true);
        var before = await source.FetchAsync(CancellationToken.None);
        await follower.FetchAsync(CancellationToken.None);

        repository.Git("reset", "--quiet", "--hard", "HEAD~1");
        repository.WriteFile("deploy/base/other.yaml", "# rewritten\n");
        var rewritten = repository.CommitAndPush("rewritten history");
        var refused = await source.FetchAsync(CancellationToken.None);
        var following = await follower.FetchAsync(CancellationToken.None);

        Assert.That(before.Succeeded, Is.True);
        Assert.That(refused.Failure?.Kind, Is.EqualTo(SourceFailureKind.HistoryRewritten));
        Assert.That(refused.Failure!.Message, Does.Contain(before.Snapshot!.Revision));
        Assert.That(following.Snapshot?.Revision, Is.EqualTo(rewritten));
    }

    [Test]
    public async Task A_deleted_branch_is_a_missing_reference_not_a_crash()
    {
        repository.CommitMinimal();
        repository.CommitAndPush("on a feature branch", branch: "feature");
        var source = Source(o => o.Branch = "feature");
        var before = await source.FetchAsync(CancellationToken.None);

        repository.Git("push", "--quiet", "origin", "--delete", "feature");
        var after = await source.FetchAsync(CancellationToken.None);

        Assert.That(before.Succeeded, Is.True);
        Assert.That(after.Failure?.Kind, Is.EqualTo(SourceFailureKind.MissingReference));
    }

    [Test]
    public async Task An_unreachable_repository_is_a_typed_failure()
    {
        var result = await Source(o => o.Repository = Path.Combine(repository.StateFolder, "no-such-repo.git")).FetchAsync(CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(SourceFailureKind.Unreachable));
    }

    [Test]
    public async Task A_path_that_was_emptied_is_an_error_not_an_empty_desired_state()
    {
        repository.CommitMinimal();
        var source = Source();
        await source.FetchAsync(CancellationToken.None);

        repository.Git("rm", "--quiet", "-r", TestRepository.DesiredPath);
        repository.WriteFile("README.md", "moved elsewhere\n");
        repository.CommitAndPush("emptied");
        var result = await source.FetchAsync(CancellationToken.None);

        Assert.That(result.Failure?.Kind, Is.EqualTo(SourceFailureKind.Empty));
    }

    [Test]
    public async Task A_tag_is_fetched_at_its_commit()
    {
        var tagged = repository.CommitMinimal();
        repository.Git("tag", "v1");
        repository.Git("push", "--quiet", "origin", "v1");
        repository.WriteFile("deploy/base/notes.yaml", "# later\n");
        repository.CommitAndPush("after the tag");

        var result = await Source(o => o.Tag = "v1").FetchAsync(CancellationToken.None);

        Assert.That(result.Snapshot?.Revision, Is.EqualTo(tagged));
    }

    [Test]
    public async Task A_file_url_works_as_a_local_path_does()
    {
        var sha = repository.CommitMinimal();

        var result = await Source(o => o.Repository = new Uri(repository.Bare).AbsoluteUri).FetchAsync(CancellationToken.None);

        Assert.That(result.Snapshot?.Revision, Is.EqualTo(sha));
    }

    [Test]
    public async Task The_token_never_appears_in_a_process_argument_a_log_line_or_a_failure()
    {
        const string token = "ghp_secretTokenValue1234567890";
        var tokenFile = Path.Combine(repository.Work, "..", "token");
        await File.WriteAllTextAsync(tokenFile, token + "\n");
        repository.CommitMinimal();

        var good = await Source(o => o.TokenFile = tokenFile).FetchAsync(CancellationToken.None);
        var bad = await Source(o =>
        {
            o.TokenFile = tokenFile;
            o.Branch = "no-such-branch";
        }).FetchAsync(CancellationToken.None);

        Assert.That(good.Succeeded, Is.True);
        Assert.That(bad.Failure, Is.Not.Null);
        var commands = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 7000).ToList();
        Assert.That(commands, Is.Not.Empty, "every git command line is logged");
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x-access-token:" + token));
        foreach (var record in logger.Collector.GetSnapshot())
        {
            Assert.That(record.Message, Does.Not.Contain(token).And.Not.Contain(basic));
        }

        Assert.That(bad.Failure!.Message, Does.Not.Contain(token));
        Assert.That(redactor.Redact($"x {token} {basic}"), Is.EqualTo("x *** ***"));
    }

    [Test]
    public void The_ssh_command_quotes_its_paths_and_pins_the_host_key()
    {
        var options = new GitSourceOptions { Repository = "git@example.invalid:x.git", SshKeyFile = "/keys/it's key", SshKnownHostsFile = "/keys/known hosts" };

        var environment = GitCredentials.Environment(options, redactor);

        Assert.That(environment["GIT_SSH_COMMAND"], Is.EqualTo(
            "ssh -i '/keys/it'\\''s key' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile='/keys/known hosts'"));
    }

    [TestCase("https://user:secret@example.invalid/repo.git", "main", Description = "a password in the URL")]
    [TestCase("--upload-pack=touch /tmp/x", "main", Description = "an option for a URL")]
    [TestCase("/repo.git", "--orphan", Description = "an option for a branch")]
    [TestCase("/repo.git", "a..b", Description = "a range for a branch")]
    public void Settings_that_could_leak_a_secret_or_pass_for_an_option_are_refused(string url, string branch)
    {
        Assert.That(GitSourceOptionsCheck.Check(new GitSourceOptions { Repository = url, Branch = branch }), Is.Not.Null);
    }

    [TestCase("/etc")]
    [TestCase("deploy/../../..")]
    public void A_path_that_leaves_the_repository_is_refused(string path)
    {
        Assert.That(GitSourceOptionsCheck.Check(new GitSourceOptions { Repository = "/repo.git", Path = path }), Does.Contain("leaves the repository"));
    }

    [Test]
    public async Task A_repository_url_that_would_run_a_command_is_not_run()
    {
        var marker = Path.Combine(repository.Work, "..", "pwned");

        var result = await Source(o => o.Repository = $"ext::sh -c touch% {marker}").FetchAsync(CancellationToken.None);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(File.Exists(marker), Is.False);
    }

    private GitSource Source(Action<GitSourceOptions>? configure = null)
    {
        var options = new GitSourceOptions { Repository = repository.Bare, Branch = "main", Path = TestRepository.DesiredPath };
        configure?.Invoke(options);
        var time = new FakeTimeProvider(Now);
        return new GitSource(options, repository.StateFolder, time, redactor, logger);
    }
}
