using Microsoft.Extensions.Options;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Runs the client's own validation when the host starts, so a bad endpoint or token stops the process with one line.</summary>
internal sealed class ProxmoxClientOptionsStartupValidator : IValidateOptions<ProxmoxClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxmoxClientOptions options)
    {
        try
        {
            ProxmoxClientOptionsValidation.Validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (ProxmoxConfigurationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
