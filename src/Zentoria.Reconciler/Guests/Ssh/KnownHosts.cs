using System.Security.Cryptography;
using System.Text;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// Reads and writes OpenSSH known_hosts files (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): comma-separated host
/// patterns with <c>*</c>, <c>?</c> and <c>!</c>, hashed names (<c>|1|salt|hash</c>, HMAC-SHA1 of the name),
/// <c>[host]:port</c> for ports other than 22, and the <c>@revoked</c> marker. <c>@cert-authority</c> lines
/// are skipped: host certificates are not accepted.
/// </summary>
/// <remarks>HMAC-SHA1 is what the format prescribes for hashed names; it hides names, it does not authenticate keys.</remarks>
#pragma warning disable CA5350
internal static class KnownHosts
{
    private const string HashedPrefix = "|1|";

    public static KnownHostsVerdict Check(IEnumerable<string> lines, string host, int port, ReadOnlySpan<byte> keyBlob)
    {
        var name = HostName(host, port);
        var offered = Convert.ToBase64String(keyBlob);
        var verdict = KnownHostsVerdict.Unknown;
        foreach (var raw in lines)
        {
            var fields = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            var marker = fields[0].StartsWith('@') ? fields[0] : null;
            var rest = marker is null ? fields : fields[1..];
            if (rest.Length < 3 || marker == "@cert-authority")
            {
                continue;
            }

            var keyMatches = string.Equals(rest[2], offered, StringComparison.Ordinal);
            if (marker == "@revoked")
            {
                if (keyMatches)
                {
                    return KnownHostsVerdict.Revoked;
                }

                continue;
            }

            if (marker is not null || !PatternsMatch(rest[0], name))
            {
                continue;
            }

            verdict = keyMatches ? KnownHostsVerdict.Trusted
                : verdict == KnownHostsVerdict.Trusted ? verdict
                : KnownHostsVerdict.Mismatch;
        }

        return verdict;
    }

    /// <summary>The line that records <paramref name="keyBlob"/> for the host, with a plain host name.</summary>
    public static string Entry(string host, int port, ReadOnlySpan<byte> keyBlob) =>
        $"{HostName(host, port)} {HostKeyFingerprint.KeyType(keyBlob)} {Convert.ToBase64String(keyBlob)}";

    /// <summary>The name known_hosts uses: the host alone for port 22, <c>[host]:port</c> otherwise.</summary>
    public static string HostName(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    /// <summary>A hashed name as <c>ssh-keygen -H</c> writes it, for the given salt.</summary>
    public static string Hash(string name, byte[] salt) =>
        HashedPrefix + Convert.ToBase64String(salt) + "|" + Convert.ToBase64String(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name)));

    private static bool PatternsMatch(string patterns, string name)
    {
        if (patterns.StartsWith(HashedPrefix, StringComparison.Ordinal))
        {
            return HashedMatches(patterns, name);
        }

        var matched = false;
        foreach (var pattern in patterns.Split(','))
        {
            var negated = pattern.StartsWith('!');
            if (!Wildcard(negated ? pattern[1..] : pattern, name))
            {
                continue;
            }

            if (negated)
            {
                return false;
            }

            matched = true;
        }

        return matched;
    }

    private static bool HashedMatches(string hashed, string name)
    {
        var parts = hashed[HashedPrefix.Length..].Split('|');
        if (parts.Length != 2)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[0]);
            var expected = Convert.FromBase64String(parts[1]);
            return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name)), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // Host names compare case-insensitively, as OpenSSH lowercases them before matching.
    private static bool Wildcard(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
#pragma warning restore CA5350
