using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox;

internal sealed class ProxmoxClientOptionsTests
{
    [Test]
    public void Valid_options_give_the_api_root_under_api2_json()
    {
        var validated = ProxmoxClientOptionsValidation.Validate(TestClients.Options());

        Assert.That((validated.ApiRoot.ToString(), validated.Endpoint), Is.EqualTo(("https://127.0.0.1:8006/api2/json/", "https://127.0.0.1:8006")));
    }

    [Test]
    public void Every_problem_is_listed_on_one_line()
    {
        var options = TestClients.Options(o =>
        {
            o.BaseUrl = null;
            o.CertificateFingerprint = "AA:BB";
            o.MaxConcurrentRequestsPerNode = 0;
            o.AttemptTimeout = TimeSpan.FromMinutes(10);
            o.OperationTimeout = TimeSpan.FromMinutes(1);
        });

        var error = Assert.Throws<ProxmoxConfigurationException>(() => ProxmoxClientOptionsValidation.Validate(options))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Not.Contain('\n'));
            Assert.That(error.Message, Does.Contain("BaseUrl").And.Contain("CertificateFingerprint").And.Contain("MaxConcurrentRequestsPerNode").And.Contain("OperationTimeout"));
            Assert.That(error.IsTransient, Is.False);
        });
    }

    [Test]
    public void A_malformed_token_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<ProxmoxConfigurationException>(() => ProxmoxClientOptionsValidation.Validate(TestClients.Options(o => o.ApiToken = "automation-secret-value")))!;

        Assert.That(error.Message, Is.EqualTo("Invalid Proxmox client options: the API token must look like USER@REALM!TOKENID=SECRET.").And.Not.Contain("automation-secret-value"));
    }

    [Test]
    public void Pinning_and_skipping_verification_together_is_refused()
    {
        var options = TestClients.Options(o =>
        {
            o.CertificateFingerprint = new string('a', 64);
            o.SkipCertificateVerification = true;
        });

        Assert.That(() => ProxmoxClientOptionsValidation.Validate(options), Throws.TypeOf<ProxmoxConfigurationException>().With.Message.Contains("exclude each other"));
    }

    [Test]
    public void Token_and_password_together_are_refused()
    {
        Assert.That(() => ProxmoxClientOptionsValidation.Validate(TestClients.Options(o => o.Username = "root@pam")), Throws.TypeOf<ProxmoxConfigurationException>());
    }
}
