using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Tests.Guests.Commands;

internal sealed class ShellQuotingTests
{
    [TestCase("plain", "'plain'")]
    [TestCase("", "''", Description = "an empty argument stays an argument")]
    [TestCase("it's", @"'it'\''s'")]
    [TestCase("'", @"''\'''")]
    [TestCase("$(x) `y` \\ \" ;", "'$(x) `y` \\ \" ;'", Description = "nothing but the single quote is special inside single quotes")]
    [TestCase("a\nb", "'a\nb'")]
    public void An_argument_is_single_quoted_with_embedded_quotes_closed_escaped_and_reopened(string argument, string quoted) =>
        Assert.That(ShellQuoting.Quote(argument), Is.EqualTo(quoted));

    [Test]
    public void Arguments_are_joined_with_single_spaces() =>
        Assert.That(ShellQuoting.Join(["echo", "a b", ""]), Is.EqualTo("'echo' 'a b' ''"));

    [Test]
    public void NUL_is_refused_because_no_argv_element_can_hold_it() =>
        Assert.That(() => ShellQuoting.Quote("a\0b"), Throws.ArgumentException);

    [Test]
    public void A_guest_command_refuses_NUL_and_an_empty_argument_list()
    {
        Assert.That(() => GuestCommand.Of("echo", "a\0"), Throws.ArgumentException);
        Assert.That(() => GuestCommand.Of(), Throws.ArgumentException);
    }
}
