using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Zentoria.Reconciler.Guests.Flags;

/// <summary>
/// Which users a percentage rollout includes. The function is a contract with the backend, which implements
/// the same in TypeScript (<c>docs/flag-bucketing.md</c> has the definition, a snippet and test vectors):
/// <c>bucket = uint32_be(sha256(utf8(flag + ":" + userId))[0..4]) % 100</c>, and a user has the flag when it is
/// enabled and <c>bucket &lt; rollout</c>.
/// </summary>
/// <remarks>
/// The bucket depends only on the flag and the user, never on the percentage, so raising a rollout from 5 to 25
/// keeps every user who was in and adds more. The flag name in the hash spreads each flag's 5 % over different
/// users. The modulo bias of 2^32 over 100 is below 10^-7, far under any rollout step.
/// </remarks>
internal static class FlagBucketing
{
    public const int Buckets = 100;

    public static int Bucket(string flag, string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(flag + ":" + userId), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % Buckets);
    }

    /// <param name="rolloutPercent">0 to 100; values outside are clamped (0 nobody, 100 everybody).</param>
    public static bool IsEnabled(string flag, string userId, bool enabled, int rolloutPercent) =>
        enabled && Bucket(flag, userId) < Math.Clamp(rolloutPercent, 0, Buckets);
}
