using System.Security.Cryptography;
using System.Text;

namespace Zentoria.Reconciler.DesiredState.Loading;

internal static class RevisionHash
{
    /// <summary>A short SHA-256 over the files' relative names and contents, in order: the same files give the same revision.</summary>
    public static string Of(IEnumerable<SourceFile> files) => Short(Full(files));

    /// <summary>The revision a <see cref="Full"/> hash names.</summary>
    public static string Short(string fullHash) => fullHash[..12];

    /// <summary>The whole SHA-256 in hex: what tells whether a folder changed.</summary>
    public static string Full(IEnumerable<SourceFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            // Lengths in front keep "a" + "bc" apart from "ab" + "c".
            foreach (var part in new[] { file.RelativePath, file.Text })
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                hash.AppendData(BitConverter.GetBytes(bytes.Length));
                hash.AppendData(bytes);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
