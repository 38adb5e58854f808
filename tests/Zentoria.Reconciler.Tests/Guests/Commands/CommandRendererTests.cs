using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Tests.Guests.Commands;

internal sealed class CommandRendererTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["image"] = "ghcr.io/zentoriaai/zentoria-mcp-gateway",
        ["version"] = "v1.4.2",
        ["vmid"] = "441",
    };

    [Test]
    public void Placeholders_are_filled_inside_single_arguments()
    {
        var rendering = CommandRenderer.Render(new CommandTemplate(["/opt/zentoria/deploy.sh", "{image}:{version}", "--ct={vmid}"]), Values);

        Assert.That(rendering.Command!.Arguments, Is.EqualTo(new[] { "/opt/zentoria/deploy.sh", "ghcr.io/zentoriaai/zentoria-mcp-gateway:v1.4.2", "--ct=441" }));
        Assert.That(rendering.Command.ShellLine, Is.EqualTo("'/opt/zentoria/deploy.sh' 'ghcr.io/zentoriaai/zentoria-mcp-gateway:v1.4.2' '--ct=441'"));
    }

    [Test]
    public void A_value_that_looks_like_a_placeholder_stays_literal()
    {
        var values = new Dictionary<string, string>(Values) { ["version"] = "{image}" };

        var rendering = CommandRenderer.Render(new CommandTemplate(["echo", "{version}"]), values);

        Assert.That(rendering.Command!.Arguments[1], Is.EqualTo("{image}"));
    }

    [Test]
    public void A_value_with_spaces_stays_one_argument()
    {
        var values = new Dictionary<string, string>(Values) { ["version"] = "1 2; rm -rf /" };

        var rendering = CommandRenderer.Render(new CommandTemplate(["echo", "{version}"]), values);

        Assert.That(rendering.Command!.Arguments, Has.Length.EqualTo(2));
        Assert.That(rendering.Command.ShellLine, Is.EqualTo("'echo' '1 2; rm -rf /'"));
    }

    [Test]
    public void A_missing_value_is_an_error_naming_the_placeholder()
    {
        var rendering = CommandRenderer.Render(new CommandTemplate(["deploy", "{previousVersion}"]), Values);

        Assert.That(rendering.Succeeded, Is.False);
        Assert.That(rendering.Error, Does.Contain("{previousVersion}"));
    }

    [Test]
    public void An_unknown_placeholder_is_an_error_even_with_a_value() =>
        Assert.That(
            CommandRenderer.Render(new CommandTemplate(["echo", "{secret}"]), new Dictionary<string, string> { ["secret"] = "x" }).Error,
            Does.Contain("unknown placeholder '{secret}'"));

    [Test]
    public void An_unclosed_brace_is_an_error() =>
        Assert.That(CommandRenderer.Render(new CommandTemplate(["echo", "{version"]), Values).Succeeded, Is.False);

    [Test]
    public void A_value_holding_NUL_is_an_error_not_an_exception()
    {
        var values = new Dictionary<string, string>(Values) { ["version"] = "1\0; touch x" };

        var rendering = CommandRenderer.Render(new CommandTemplate(["echo", "{version}"]), values);

        Assert.That(rendering.Error, Does.Contain("NUL"));
    }

    [Test]
    public void An_empty_template_is_an_error() =>
        Assert.That(CommandRenderer.Render(new CommandTemplate([]), Values).Succeeded, Is.False);
}
