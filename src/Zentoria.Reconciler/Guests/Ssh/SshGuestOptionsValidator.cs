using Microsoft.Extensions.Options;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>The DataAnnotations rules of <see cref="SshGuestOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class SshGuestOptionsValidator : IValidateOptions<SshGuestOptions>;
