using System.Runtime.Versioning;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Tests.Guests.Commands;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>
/// Every corpus value through the real sshd: in direct mode the login shell parses the line once; in pct mode
/// the node's shell parses it, then <c>sh -c</c> in the "container" parses the inner line.
/// </summary>
[Category("Integration")]
[SupportedOSPlatform("linux")]
internal sealed class InjectionCorpusSshTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private TemporaryFolder folder = null!;
    private SshHarness direct = null!;
    private SshHarness pct = null!;

    private string Canary => folder.File("canary");

    [OneTimeSetUp]
    public void Create()
    {
        folder = new TemporaryFolder();
        var stand = folder.File("pct");
        File.WriteAllText(stand, "#!/bin/sh\nshift 3\nexec \"$@\"\n");
        File.SetUnixFileMode(stand, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        direct = new SshHarness(SshdSetUp.Server);
        pct = new SshHarness(SshdSetUp.Server, options => options.PctCommand = stand, node => GuestTarget.Pct(node, new Zentoria.Reconciler.DesiredState.VmId(441)));
    }

    [OneTimeTearDown]
    public void Delete()
    {
        direct.Dispose();
        pct.Dispose();
        folder.Dispose();
    }

    [TestCaseSource(typeof(InjectionCorpus), nameof(InjectionCorpus.Cases))]
    public async Task In_direct_mode_a_value_arrives_as_one_argument_and_runs_nothing(int index) => await CheckAsync(direct, index);

    [TestCaseSource(typeof(InjectionCorpus), nameof(InjectionCorpus.Cases))]
    public async Task In_pct_mode_a_value_arrives_as_one_argument_and_runs_nothing(int index) => await CheckAsync(pct, index);

    private async Task CheckAsync(SshHarness harness, int index)
    {
        var value = InjectionCorpus.Value(index, Canary);

        var outcome = await harness.Shell.RunAsync(InjectionCorpus.Render(value), Timeout, CancellationToken.None);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(outcome.Value!.ExitCode, Is.Zero, outcome.Value.Stderr);
        Assert.That(outcome.Value.Stdout, Is.EqualTo(InjectionCorpus.ExpectedReport(value)));
        Assert.That(File.Exists(Canary), Is.False, "an injected touch ran");
    }
}
