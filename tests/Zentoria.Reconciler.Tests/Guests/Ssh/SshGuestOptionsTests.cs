using Zentoria.Reconciler.Guests.Ssh;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

internal sealed class SshGuestOptionsTests
{
    [Test]
    public void Defaults_with_a_key_file_are_valid_and_bound_output_to_one_mebibyte()
    {
        var options = new SshGuestOptions { KeyFile = "/etc/zentoria/id_ed25519" };

        Assert.That(new SshGuestOptionsValidator().Validate(null, options).Succeeded, Is.True);
        Assert.That(options.MaxOutputBytes, Is.EqualTo(1024 * 1024));
        Assert.That(options.TrustOnFirstUseFile, Is.Null, "trust on first use is opt-in");
    }

    [TestCase("SdR3Rv6+abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", Description = "no SHA256: prefix")]
    [TestCase("MD5:12:34", Description = "another hash")]
    [TestCase("SHA256:short")]
    public void A_pinned_fingerprint_in_another_form_is_refused_at_start(string fingerprint)
    {
        var options = new SshGuestOptions { KeyFile = "/k", PinnedFingerprint = fingerprint };

        var result = new SshGuestOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("ssh-keygen -l -E sha256"));
    }

    [Test]
    public void A_missing_key_file_is_refused_at_start() =>
        Assert.That(new SshGuestOptionsValidator().Validate(null, new SshGuestOptions()).Failed, Is.True);
}
