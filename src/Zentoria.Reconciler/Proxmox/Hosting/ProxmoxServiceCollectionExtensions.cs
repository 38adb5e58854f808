using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zentoria.Reconciler.Proxmox;

internal static class ProxmoxServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="ProxmoxClient"/> for the process, its options validated at start, and uses a
    /// registered <see cref="ProxmoxRequestObserver"/> and <see cref="TimeProvider"/> when there are any.
    /// </summary>
    public static IServiceCollection AddProxmoxClient(this IServiceCollection services, Action<ProxmoxClientOptions> configure)
    {
        services.AddOptions<ProxmoxClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProxmoxClientOptions>, ProxmoxClientOptionsStartupValidator>());
        services.TryAddSingleton(provider => ProxmoxClient.Create(
            provider.GetRequiredService<IOptions<ProxmoxClientOptions>>().Value,
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ProxmoxRequestObserver>()));
        return services;
    }
}
