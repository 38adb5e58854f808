using Microsoft.Extensions.Options;

namespace Zentoria.Reconciler.Hosting;

/// <summary>The DataAnnotations rules of <see cref="OperatorOptions"/> and its parts, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>;
