using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox;

internal sealed class ProxmoxServiceCollectionTests
{
    [Test]
    public void Invalid_options_fail_at_start_with_the_one_line_message()
    {
        using var provider = new ServiceCollection().AddProxmoxClient(o => o.BaseUrl = new Uri("https://127.0.0.1:8006")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<ProxmoxClientOptions>>().Value)!;

        Assert.That(error.Failures, Is.EqualTo(new[] { "Invalid Proxmox client options: give either ApiToken or Username and Password." }));
    }

    [Test]
    public void Valid_options_give_one_shared_client()
    {
        using var provider = new ServiceCollection().AddProxmoxClient(o => o.ApiToken = TestClients.Token).Configure<ProxmoxClientOptions>(o => o.BaseUrl = new Uri("https://127.0.0.1:8006")).BuildServiceProvider();

        var first = provider.GetRequiredService<ProxmoxClient>();
        var second = provider.GetRequiredService<ProxmoxClient>();

        Assert.That(first, Is.SameAs(second));
    }
}
