using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Errors;

internal sealed class ProxmoxErrorMapTests
{
    private static readonly ProxmoxRequestContext Request = new("PUT", "/nodes/pve/lxc/101/config", "/nodes/{node}/lxc/{vmid}/config");
    private static readonly ProxmoxErrorOrigin Origin = new("https://127.0.0.1:8006", "the API token automation@pve!ci");

    private static ProxmoxException Map(int status, string text, IReadOnlyDictionary<string, string>? errors = null) =>
        ProxmoxErrorMap.FromResponse(Request, status, text, errors, Origin);

    [TestCase(500, "Configuration file 'nodes/pve/lxc/999.conf' does not exist", ProxmoxErrorKind.NotFound, true)]
    [TestCase(500, "storage 'x' does not exist", ProxmoxErrorKind.NotFound, false)]
    [TestCase(500, "snapshot 'nope' does not exist", ProxmoxErrorKind.NotFound, false)]
    [TestCase(500, "CT 101 already exists on node 'pve'", ProxmoxErrorKind.AlreadyExists, true)]
    [TestCase(500, "CT is locked (backup)", ProxmoxErrorKind.Locked, true)]
    [TestCase(500, "detected modified configuration - file changed by other user? Try again.", ProxmoxErrorKind.DigestConflict, true)]
    [TestCase(500, "CT 101 already running", ProxmoxErrorKind.AlreadyRunning, true)]
    [TestCase(500, "CT 101 not running", ProxmoxErrorKind.NotRunning, true)]
    [TestCase(500, "VM 101 not running", ProxmoxErrorKind.NotRunning, true)]
    [TestCase(500, "can't lock file '/run/lock/lxc/pve-config-101.lock' - got timeout", ProxmoxErrorKind.LockTimeout, true)]
    [TestCase(500, "unable to create CT 101 - can't lock file '/run/lock/lxc/pve-config-101.lock' - got timeout", ProxmoxErrorKind.LockTimeout, true)]
    [TestCase(500, "unable to delete required option 'memory'", ProxmoxErrorKind.Refused, false)]
    [TestCase(500, "storage 'x' is offline", ProxmoxErrorKind.ApiError, true)]
    [TestCase(501, "Method 'POST /nodes/pve/lxc/210/exec' not implemented", ProxmoxErrorKind.NotImplemented, false)]
    [TestCase(401, "Authentication failed!", ProxmoxErrorKind.Unauthorized, false)]
    [TestCase(403, "Permission check failed (/vms/100, VM.PowerMgmt)", ProxmoxErrorKind.Forbidden, false)]
    [TestCase(595, "Connection refused", ProxmoxErrorKind.NodeUnreachable, true)]
    [TestCase(596, "tls_process_server_certificate: certificate verify failed", ProxmoxErrorKind.NodeUnreachable, true)]
    [TestCase(400, "Parameter verification failed.", ProxmoxErrorKind.Parameter, false)]
    public void Status_and_text_map_to_one_kind_with_its_transience(int status, string text, ProxmoxErrorKind kind, bool transient)
    {
        var error = Map(status, text);

        Assert.That((error.Kind, error.IsTransient, error.StatusCode, error.ServerMessage), Is.EqualTo((kind, transient, (int?)status, text)));
    }

    [Test]
    public void A_locked_error_names_the_lock_kind()
    {
        var error = Map(500, "CT is locked (snapshot-delete)");

        Assert.That(error, Is.TypeOf<ProxmoxLockedException>().With.Property(nameof(ProxmoxLockedException.LockKind)).EqualTo("snapshot-delete"));
    }

    [Test]
    public void A_permission_error_names_the_acl_path_and_the_privilege()
    {
        var error = (ProxmoxForbiddenException)Map(403, "Permission check failed (/vms/100, VM.PowerMgmt)");

        Assert.That((error.AclPath, error.Privilege), Is.EqualTo(("/vms/100", "VM.PowerMgmt")));
    }

    [Test]
    public void A_token_refused_on_a_ticket_only_path_is_forbidden_without_a_path()
    {
        var error = (ProxmoxForbiddenException)Map(403, "Permission check failed (URI '/x' not available with API token, need proper ticket.)");

        Assert.That((error.AclPath, error.Privilege), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void A_parameter_error_carries_each_parameter_message_and_lists_them_in_its_line()
    {
        var errors = new Dictionary<string, string> { ["snapname"] = "invalid format - invalid configuration ID '1st'", ["vmstate"] = "property is not defined in schema and the schema does not allow additional properties" };

        var error = (ProxmoxParameterException)Map(400, "Parameter verification failed.", errors);

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors, Is.EquivalentTo(errors));
            Assert.That(error.Message, Is.EqualTo(
                "PUT /nodes/pve/lxc/101/config failed with 400: Parameter verification failed. snapname: invalid format - invalid configuration ID '1st'; vmstate: property is not defined in schema and the schema does not allow additional properties"));
        });
    }

    [Test]
    public void An_unauthorized_line_names_the_endpoint_and_token_id()
    {
        Assert.That(Map(401, "Authentication failed!").Message, Is.EqualTo("Proxmox at https://127.0.0.1:8006 rejected the API token automation@pve!ci: 401 Authentication failed!"));
    }

    [Test]
    public void Task_exit_statuses_are_classified_with_the_same_table()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProxmoxErrorMap.Classify("CT is locked (backup)"), Is.EqualTo(ProxmoxErrorKind.Locked));
            Assert.That(ProxmoxErrorMap.Classify("snapshot feature is not available"), Is.EqualTo(ProxmoxErrorKind.Refused));
            Assert.That(ProxmoxErrorMap.Classify("snapshot 'x' does not exist"), Is.EqualTo(ProxmoxErrorKind.NotFound));
        });
    }

    [Test]
    public void Messages_become_one_line_without_the_perl_location_suffix()
    {
        Assert.That(
            ProxmoxErrorText.Normalize("unable to apply\nsecond line at /usr/share/perl5/PVE/LXC/Config.pm line 1234.\n"),
            Is.EqualTo("unable to apply second line"));
    }
}
