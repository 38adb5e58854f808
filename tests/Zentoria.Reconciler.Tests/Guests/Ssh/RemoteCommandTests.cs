using System.Text;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Tests.Guests.Commands;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

internal sealed class RemoteCommandTests
{
    private static readonly GuestTarget Direct = GuestTarget.Direct(new SshEndpoint("127.0.0.1", 22, "root"));

    [Test]
    public void A_short_command_runs_under_the_guest_timeout_with_no_input()
    {
        var remote = RemoteCommand.For(Direct, "pct", GuestCommand.Of("echo", "hi"), null, TimeSpan.FromSeconds(2.5)).Value!;

        Assert.That(remote.Line, Is.EqualTo("exec </dev/null; 'timeout' '-k' '5' '8' 'sh' '-c' ''\\''echo'\\'' '\\''hi'\\'''"));
        Assert.That(remote.Stdin, Is.Null);
    }

    [Test]
    public void Without_a_timeout_a_direct_command_is_sent_as_it_is()
    {
        var remote = RemoteCommand.For(Direct, "pct", GuestCommand.Of("echo", "hi"), null, Timeout.InfiniteTimeSpan).Value!;

        Assert.That(remote.Line, Is.EqualTo("exec </dev/null; 'echo' 'hi'"));
    }

    [Test]
    public void A_long_command_travels_on_stdin_to_a_bootstrap_that_runs_it_as_one_argument()
    {
        var command = GuestCommand.Of("echo", new string('x', 40 * 1024));

        var remote = RemoteCommand.For(Direct, "pct", command, null, TimeSpan.FromSeconds(30)).Value!;

        Assert.That(remote.Line, Does.StartWith("'sh' '-c' 'exec \"$@\" \"$(cat)\"' 'sh' 'timeout'"));
        Assert.That(Encoding.UTF8.GetString(remote.Stdin!.Value.Span), Is.EqualTo(command.ShellLine));
    }

    [Test]
    public void The_bootstrap_hands_the_line_over_intact_through_a_real_shell()
    {
        var command = InjectionCorpus.Render(new string('\'', 10 * 1024) + "$(touch /nonexistent/x)");
        var remote = RemoteCommand.For(Direct, "pct", command, null, Timeout.InfiniteTimeSpan).Value!;

        var (exitCode, stdout, stderr) = LocalShell.Run(remote.Line, remote.Stdin!.Value.ToArray());

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(InjectionCorpus.ExpectedReport(new string('\'', 10 * 1024) + "$(touch /nonexistent/x)")));
    }

    [Test]
    public void A_command_longer_than_one_shell_argument_is_refused()
    {
        var outcome = RemoteCommand.For(Direct, "pct", GuestCommand.Of("echo", new string('x', 128 * 1024)), null, TimeSpan.FromSeconds(30));

        Assert.That(outcome.Error!.Message, Does.Contain("at most 131071"));
    }

    [Test]
    public void Empty_input_counts_as_none_because_SSH_NET_would_never_send_its_end()
    {
        var remote = RemoteCommand.For(Direct, "pct", GuestCommand.Of("cat"), ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(30)).Value!;

        Assert.That(remote.Line, Does.StartWith("exec </dev/null; "));
        Assert.That(remote.Stdin, Is.Null);
    }
}
