namespace Zentoria.Reconciler.DesiredState;

/// <summary>The container's <c>net0</c>.</summary>
/// <param name="Ip">An IPv4 address in CIDR form, such as <c>192.0.2.241/24</c>, or <c>dhcp</c>.</param>
/// <param name="Gateway">An IPv4 address, or null.</param>
/// <param name="Bridge">The host bridge, such as <c>vmbr0</c>.</param>
internal sealed record ContainerNetwork(string Ip, string? Gateway, string Bridge)
{
    /// <summary>The address without its prefix length, or null for <c>dhcp</c>.</summary>
    public string? Address => Ip.Contains('/', StringComparison.Ordinal) ? Ip[..Ip.IndexOf('/', StringComparison.Ordinal)] : null;
}
