using Zentoria.Reconciler.Cli;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>
/// Each folder under Corpus/invalid changes one thing in the minimal valid stack; <c>expected.txt</c> holds exactly the
/// lines <c>validate</c> must print for it. <c>remove.txt</c> lists files of the minimal stack to leave out, and
/// <c>environment.txt</c> names the environment to validate when it is not <c>test</c>.
/// </summary>
internal sealed class InvalidCorpusTests
{
    private static string InvalidDirectory => Path.Join(DesiredStateFolder.CorpusDirectory, "invalid");

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(Path.Join(TestContext.CurrentContext.TestDirectory, "Corpus", "invalid"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name!));

    [TestCaseSource(nameof(Cases))]
    public async Task Validate_prints_exactly_the_expected_errors_and_exits_1(string caseName)
    {
        var caseDirectory = Path.Join(InvalidDirectory, caseName);
        var environmentFile = Path.Join(caseDirectory, "environment.txt");
        var environment = File.Exists(environmentFile) ? File.ReadAllText(environmentFile).Trim() : "test";
        var expected = File.ReadAllLines(Path.Join(caseDirectory, "expected.txt")).Where(l => l.Length > 0).ToList();
        using var folder = DesiredStateFolder.FromCase(caseDirectory);

        var run = await ValidateRun.InvokeAsync("--env", environment, "--desired-state", folder.Root);

        var errorWord = expected.Count == 1 ? "error" : "errors";
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(run.ErrorLines.Select(folder.Relative),
                Is.EqualTo(expected.Append($"{expected.Count} {errorWord} in the desired state of '{environment}'")));
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public void The_corpus_holds_at_least_45_cases_each_with_expected_errors()
    {
        var cases = Directory.GetDirectories(InvalidDirectory);

        Assert.That(cases, Has.Length.GreaterThanOrEqualTo(45));
        Assert.That(cases.Where(c => !File.Exists(Path.Join(c, "expected.txt"))), Is.Empty);
    }
}
