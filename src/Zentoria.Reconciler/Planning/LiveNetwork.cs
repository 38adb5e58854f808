namespace Zentoria.Reconciler.Planning;

/// <summary>A container's observed <c>net0</c>.</summary>
/// <param name="Mac">The <c>hwaddr</c>; kept on every change so the guest keeps its MAC.</param>
internal sealed record LiveNetwork(string Ip, string? Gateway, string Bridge, string? Mac);
