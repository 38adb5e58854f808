using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Commands;

/// <summary>Every corpus value, rendered and quoted, passes through the real <c>/bin/sh -c</c> as exactly one argument.</summary>
internal sealed class InjectionCorpusShellTests
{
    private TemporaryFolder folder = null!;

    private string Canary => folder.File("canary");

    [OneTimeSetUp]
    public void CreateFolder() => folder = new TemporaryFolder();

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public void The_corpus_holds_at_least_forty_values() => Assert.That(InjectionCorpus.Count, Is.GreaterThanOrEqualTo(40));

    [TestCaseSource(typeof(InjectionCorpus), nameof(InjectionCorpus.Cases))]
    public void A_value_arrives_as_one_argument_and_runs_nothing(int index)
    {
        var value = InjectionCorpus.Value(index, Canary);

        var (exitCode, stdout, stderr) = LocalShell.Run(InjectionCorpus.Render(value).ShellLine);

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(InjectionCorpus.ExpectedReport(value)));
        Assert.That(File.Exists(Canary), Is.False, "an injected touch ran");
    }
}
