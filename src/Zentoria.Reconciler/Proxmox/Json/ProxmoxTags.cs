namespace Zentoria.Reconciler.Proxmox;

internal static class ProxmoxTags
{
    private static readonly char[] Separators = [';', ',', ' '];

    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
