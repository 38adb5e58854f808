using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Tests.Observability;

internal sealed class SecretRedactorTests
{
    [Test]
    public void Every_occurrence_of_every_registered_secret_is_masked()
    {
        var redactor = new SecretRedactor();
        redactor.Register("first-secret-value");
        redactor.Register("second-secret-value");

        var text = redactor.Redact("a first-secret-value b second-secret-value c first-secret-value");

        Assert.That(text, Is.EqualTo("a *** b *** c ***"));
    }

    [Test]
    public void Values_too_short_to_be_tokens_are_not_registered()
    {
        var redactor = new SecretRedactor();
        redactor.Register("pve");

        Assert.That(redactor.Redact("node pve"), Is.EqualTo("node pve"));
    }
}
