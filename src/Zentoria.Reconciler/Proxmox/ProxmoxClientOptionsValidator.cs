using Microsoft.Extensions.Options;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Range and required checks, generated from the attributes on <see cref="ProxmoxClientOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ProxmoxClientOptionsValidator : IValidateOptions<ProxmoxClientOptions>;
