namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>POSIX path pieces for paths inside a guest, independent of the operator's own OS.</summary>
internal static class GuestPaths
{
    public static bool IsAbsolute(string path) => path.StartsWith('/') && !path.EndsWith('/') && !path.Contains('\0', StringComparison.Ordinal);

    public static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>A hidden temporary name beside <paramref name="path"/>: the same folder, so the final rename is atomic.</summary>
    public static string TemporaryBeside(string path) =>
        $"{Folder(path).TrimEnd('/')}/.{Name(path)}.{Guid.NewGuid():N}.tmp";

    /// <summary>The mode as <c>chmod</c> takes it, such as <c>0644</c>.</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0xFFF, 8).PadLeft(3, '0');
}
