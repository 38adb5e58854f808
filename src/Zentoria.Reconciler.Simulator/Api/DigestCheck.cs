using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Optimistic concurrency: a <c>digest</c> parameter must match the current config file.</summary>
internal static class DigestCheck
{
    public static void Verify(ApiRequest request, SimulatedContainer container)
    {
        if (request.Optional("digest") is { } digest && !string.Equals(digest, ConfigFile.Digest(container), StringComparison.OrdinalIgnoreCase))
        {
            throw PveApiException.Internal("detected modified configuration - file changed by other user? Try again.");
        }
    }
}
