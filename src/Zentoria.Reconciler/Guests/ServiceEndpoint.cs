using System.Globalization;

namespace Zentoria.Reconciler.Guests;

/// <summary>Where the operator reaches a service's port for <c>http</c> and <c>tcp</c> health checks.</summary>
internal sealed record ServiceEndpoint(string Address, int Port)
{
    public override string ToString() => Address.Contains(':', StringComparison.Ordinal)
        ? $"[{Address}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Address}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
