using Zentoria.Reconciler.DesiredState;
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

    [Test]
    public void An_environment_s_guest_settings_become_options_and_targets()
    {
        var access = new GuestAccessSpec(GuestTransportMode.Pct, "root", "/etc/zentoria/id_ed25519", "/etc/zentoria/known_hosts", null);

        var options = SshGuestOptions.From(access, "/var/lib/zentoria/production/known_hosts");
        var pct = GuestTarget.For(access, new VmId(441), "127.0.2.241", "127.0.0.1");
        var direct = GuestTarget.For(access with { Mode = GuestTransportMode.Direct }, new VmId(441), "127.0.2.241", "127.0.0.1");
        var unaddressed = GuestTarget.For(access with { Mode = GuestTransportMode.Direct }, new VmId(441), null, "127.0.0.1");

        Assert.That((options.KeyFile, options.KnownHostsFile, options.TrustOnFirstUseFile), Is.EqualTo(("/etc/zentoria/id_ed25519", "/etc/zentoria/known_hosts", "/var/lib/zentoria/production/known_hosts")));
        Assert.That(pct, Is.EqualTo(GuestTarget.Pct(new SshEndpoint("127.0.0.1", 22, "root"), new VmId(441))));
        Assert.That(direct, Is.EqualTo(GuestTarget.Direct(new SshEndpoint("127.0.2.241", 22, "root"))));
        Assert.That(unaddressed, Is.Null);
    }
}
