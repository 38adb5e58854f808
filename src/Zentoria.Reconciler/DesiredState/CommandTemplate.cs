using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>
/// A command as an argument list. Placeholders such as <c>{version}</c> are replaced inside single arguments,
/// and every argument is quoted before it reaches a shell, so a value can never become a command.
/// </summary>
internal sealed record CommandTemplate(ImmutableArray<string> Arguments)
{
    /// <summary>The placeholders a command may use.</summary>
    public static readonly ImmutableArray<string> KnownPlaceholders =
        ["image", "version", "previousVersion", "service", "container", "vmid", "node", "port", "address", "file", "revision"];

    public override string ToString() => string.Join(' ', Arguments);
}
