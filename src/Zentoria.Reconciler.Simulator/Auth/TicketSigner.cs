using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>
/// Issues and checks <c>PVE:user@realm:TTTTTTTT::signature</c> tickets and <c>TTTTTTTT:hmac</c> CSRF tokens,
/// where <c>TTTTTTTT</c> is the Unix time in 8 upper-case hex digits. The key is random per simulator.
/// </summary>
internal sealed class TicketSigner
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public TicketSigner(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        _lifetime = lifetime;
    }

    public string IssueTicket(string userId)
    {
        var payload = $"PVE:{userId}:{Stamp()}";
        return payload + "::" + Sign(payload);
    }

    public string IssueCsrfToken(string userId)
    {
        var stamp = Stamp();
        return stamp + ":" + Sign(stamp + ":" + userId);
    }

    /// <summary>The user a valid, unexpired ticket names; <see langword="null"/> otherwise.</summary>
    public string? VerifyTicket(string? ticket)
    {
        if (ticket is null)
        {
            return null;
        }

        var cut = ticket.IndexOf("::", StringComparison.Ordinal);
        if (cut < 0)
        {
            return null;
        }

        var payload = ticket[..cut];
        var parts = payload.Split(':');
        if (parts.Length != 3 || parts[0] != "PVE" || !Matches(Sign(payload), ticket[(cut + 2)..]) || !IsFresh(parts[2]))
        {
            return null;
        }

        return parts[1];
    }

    public bool VerifyCsrfToken(string? token, string userId)
    {
        var cut = token?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (token is null || cut < 0)
        {
            return false;
        }

        var stamp = token[..cut];
        return Matches(Sign(stamp + ":" + userId), token[(cut + 1)..]) && IsFresh(stamp);
    }

    private bool IsFresh(string stamp)
    {
        if (!long.TryParse(stamp, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age <= _lifetime && age >= TimeSpan.FromMinutes(-5);
    }

    private string Stamp() => _time.GetUtcNow().ToUnixTimeSeconds().ToString("X8", CultureInfo.InvariantCulture);

    private string Sign(string payload) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
