using System.Text.Json;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Audit;

internal sealed class AuditTrailTests
{
    private TemporaryFolder work = null!;
    private StateFolder folder = null!;
    private SecretRedactor redactor = null!;

    [SetUp]
    public void SetUp()
    {
        work = new TemporaryFolder();
        folder = StateFolder.Open(work.Path, "sandbox", _ => null, work.Path);
        redactor = new SecretRedactor();
    }

    [TearDown]
    public void TearDown() => work.Dispose();

    [Test]
    public void Each_action_is_one_json_line_with_every_field()
    {
        var trail = new AuditTrail(folder, new AuditOptions(), redactor);

        trail.Append(Record("resize-memory", "2048 MiB", "4096 MiB"));
        trail.Append(Record("start", "stopped", "running") with { Result = AuditResult.Failed, Error = "CT 443 is locked (backup)" });

        var lines = File.ReadAllLines(trail.CurrentPath);
        Assert.That(lines, Has.Length.EqualTo(2));
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.That(root.GetProperty("time").GetString(), Is.EqualTo("2026-11-26T12:00:00+00:00"));
        Assert.That(root.GetProperty("revision").GetString(), Is.EqualTo("abc123"));
        Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("Container"));
        Assert.That(root.GetProperty("unit").GetString(), Is.EqualTo("backend"));
        Assert.That(root.GetProperty("action").GetString(), Is.EqualTo("resize-memory"));
        Assert.That(root.GetProperty("before").GetString(), Is.EqualTo("2048 MiB"));
        Assert.That(root.GetProperty("after").GetString(), Is.EqualTo("4096 MiB"));
        Assert.That(root.GetProperty("result").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(root.GetProperty("durationSeconds").GetDouble(), Is.EqualTo(1.5));
        Assert.That(root.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.That(second.RootElement.GetProperty("result").GetString(), Is.EqualTo("Failed"));
        Assert.That(second.RootElement.GetProperty("error").GetString(), Is.EqualTo("CT 443 is locked (backup)"));
    }

    [Test]
    public void Registered_secrets_never_reach_the_file()
    {
        const string secret = "root@pam!zentoria=8c1f6f1e-2b6a-4d11-9a4e-0f1e2d3c4b5a";
        redactor.Register(secret);
        var trail = new AuditTrail(folder, new AuditOptions(), redactor);

        trail.Append(Record("create", null, $"token {secret}") with { Error = $"401 for PVEAPIToken={secret}" });

        var text = File.ReadAllText(trail.CurrentPath);
        Assert.That(text, Does.Not.Contain(secret).And.Contain("***"));
    }

    [Test]
    public void The_file_rotates_by_size_and_keeps_only_the_configured_number_of_old_files()
    {
        var options = new AuditOptions { MaxFileBytes = 1024, KeepFiles = 2 };
        var trail = new AuditTrail(folder, options, redactor);
        var lineLength = JsonSerializer.SerializeToUtf8Bytes(Record("a-000", "x", "y"), StateJsonContext.Default.AuditRecord).Length + 1;

        for (var i = 0; i < 40; i++)
        {
            trail.Append(Record($"a-{i:D3}", "x", "y"));
        }

        var files = Directory.GetFiles(folder.Path, "audit*.jsonl").Select(Path.GetFileName).Order().ToList();
        Assert.That(files, Is.EqualTo(new[] { "audit.1.jsonl", "audit.2.jsonl", "audit.jsonl" }));
        Assert.That(files.Select(f => new FileInfo(folder.File(f!)).Length), Has.All.LessThanOrEqualTo(1024));
        var linesPerFile = 1024 / lineLength;
        var newest = File.ReadAllLines(trail.CurrentPath);
        Assert.That(newest[^1], Does.Contain("a-039"), "the current file ends with the latest action");
        var rotated = File.ReadAllLines(trail.RotatedPath(1));
        Assert.That(rotated, Has.Length.EqualTo(linesPerFile));
        Assert.That(rotated[^1], Does.Contain($"a-{39 - newest.Length:D3}"), "audit.1 holds the lines just before the current file's");
    }

    private static AuditRecord Record(string action, string? before, string? after) =>
        new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), "abc123", "Container", "backend", action, before, after,
            AuditResult.Succeeded, 1.5, null);
}
