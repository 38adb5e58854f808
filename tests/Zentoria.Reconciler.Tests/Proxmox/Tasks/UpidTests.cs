using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Tasks;

internal sealed class UpidTests
{
    [Test]
    public void A_real_clone_upid_parses_into_node_pid_start_type_id_and_token_user()
    {
        var upid = Upid.Parse("UPID:proxmox2:000D7AA2:08D5A17C:63DF62A5:vzclone:200:root@pam!api_token:");

        Assert.Multiple(() =>
        {
            Assert.That(upid.Node, Is.EqualTo(new NodeName("proxmox2")));
            Assert.That(upid.ProcessId, Is.EqualTo(883362));
            Assert.That(upid.ProcessStart, Is.EqualTo(148218236));
            Assert.That(upid.StartTime, Is.EqualTo(new DateTimeOffset(2023, 2, 5, 8, 2, 45, TimeSpan.Zero)));
            Assert.That(upid.Type, Is.EqualTo("vzclone"));
            Assert.That(upid.Id, Is.EqualTo("200"));
            Assert.That(upid.User, Is.EqualTo("root@pam!api_token"));
            Assert.That(upid.ToString(), Is.EqualTo("UPID:proxmox2:000D7AA2:08D5A17C:63DF62A5:vzclone:200:root@pam!api_token:"));
        });
    }

    [Test]
    public void A_nine_digit_pstart_and_an_empty_id_are_accepted()
    {
        Assert.That(Upid.TryParse("UPID:pve:0000ABCD:108D5A17C:63DF62A5:vzdump::root@pam:", out var upid) && upid.Id.Length == 0, Is.True);
    }

    [TestCase("UPID:pve:000D7AA2:08D5A17C:63DF62A5:vzclone:200:root@pam", Description = "no trailing colon")]
    [TestCase("UPID:pve:zz:08D5A17C:63DF62A5:vzclone:200:root@pam:", Description = "pid not hex")]
    [TestCase("UPID:-pve:000D7AA2:08D5A17C:63DF62A5:vzclone:200:root@pam:", Description = "bad node name")]
    [TestCase("UPID:pve:000D7AA2:08D5A17C:63DF62A5:vzclone:200:root@pam/../x:", Description = "slash")]
    [TestCase("", Description = "empty")]
    public void Malformed_upids_are_refused(string text)
    {
        Assert.That(Upid.TryParse(text, out _), Is.False);
    }
}
