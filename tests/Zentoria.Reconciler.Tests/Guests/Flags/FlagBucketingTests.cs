using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Flags;

internal sealed class FlagBucketingTests
{
    private static readonly string[] Users = [.. Enumerable.Range(0, 10_000).Select(i => "user-" + i.ToString(CultureInfo.InvariantCulture))];

    [Test]
    public void The_documented_test_vectors_match()
    {
        var vectors = BucketingDocument.Vectors();

        Assert.That(vectors, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(vectors.Select(v => FlagBucketing.Bucket(v.Flag, v.UserId)), Is.EqualTo(vectors.Select(v => v.Bucket)));
    }

    [Test]
    public void The_documented_TypeScript_snippet_computes_the_same_buckets_under_node()
    {
        var node = FindNode();
        if (node is null)
        {
            Assert.Ignore("node is not installed; the TypeScript snippet was not run");
        }

        var vectors = BucketingDocument.Vectors();
        using var folder = new TemporaryFolder();
        var script = folder.File("bucket.js");
        File.WriteAllText(script, BucketingDocument.SnippetAsJavaScript() + """

            const rows = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
            process.stdout.write(JSON.stringify(rows.map(([flag, user]) => bucket(flag, user))));
            """);

        var output = RunNode(node!, script, JsonSerializer.Serialize(vectors.Select(v => new[] { v.Flag, v.UserId })));

        Assert.That(JsonSerializer.Deserialize<int[]>(output), Is.EqualTo(vectors.Select(v => v.Bucket)));
    }

    [Test]
    public void A_user_inside_at_a_step_stays_inside_at_every_later_step()
    {
        int[] steps = [0, 5, 25, 50, 100];
        foreach (var user in Users)
        {
            var inside = steps.Select(step => FlagBucketing.IsEnabled("chat-v2", user, true, step)).ToArray();
            for (var i = 1; i < inside.Length; i++)
            {
                Assert.That(!inside[i - 1] || inside[i], Is.True, $"{user} left chat-v2 going from {steps[i - 1]} % to {steps[i]} %");
            }
        }
    }

    [TestCase(5)]
    [TestCase(25)]
    [TestCase(50)]
    public void A_rollout_includes_about_its_percentage_of_users(int rollout)
    {
        var share = Users.Count(user => FlagBucketing.IsEnabled("websocket-compression", user, true, rollout)) / (double)Users.Length;

        Assert.That(share, Is.EqualTo(rollout / 100.0).Within(0.015));
    }

    [Test]
    public void Different_flags_pick_different_users()
    {
        var chat = Users.Where(user => FlagBucketing.IsEnabled("chat-v2", user, true, 5)).ToHashSet();
        var rag = Users.Where(user => FlagBucketing.IsEnabled("rag-search", user, true, 5)).ToHashSet();

        Assert.That(chat.Intersect(rag).Count(), Is.LessThan(chat.Count / 4));
    }

    [Test]
    public void A_disabled_flag_is_off_for_everybody_and_rollout_bounds_mean_nobody_and_everybody()
    {
        Assert.That(Users.Any(user => FlagBucketing.IsEnabled("chat-v2", user, false, 100)), Is.False);
        Assert.That(Users.Any(user => FlagBucketing.IsEnabled("chat-v2", user, true, 0)), Is.False);
        Assert.That(Users.All(user => FlagBucketing.IsEnabled("chat-v2", user, true, 100)), Is.True);
    }

    [Test]
    public void Buckets_lie_between_0_and_99() =>
        Assert.That(Users.Select(user => FlagBucketing.Bucket("new-vector-db", user)), Has.All.InRange(0, 99));

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "node"))
            .FirstOrDefault(File.Exists);

    private static string RunNode(string node, string script, string input)
    {
        using var process = Process.Start(new ProcessStartInfo(node)
        {
            ArgumentList = { script },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(30_000), Is.True, "node did not finish within 30 s");
        Assert.That(process.ExitCode, Is.Zero, error.Result);
        return output;
    }
}
