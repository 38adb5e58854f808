using System.Collections.Concurrent;

namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>The tokens and the one password user (<c>root@pam</c>) the simulator accepts.</summary>
internal sealed class AccessRegistry
{
    public const string RootUser = "root@pam";

    private readonly ConcurrentDictionary<string, SimulatedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public AccessRegistry(TimeProvider time, string rootPassword, TicketSigner tickets)
    {
        _time = time;
        RootPassword = rootPassword;
        Tickets = tickets;
    }

    public string RootPassword { get; }

    public TicketSigner Tickets { get; }

    public IReadOnlyCollection<SimulatedToken> Tokens => _tokens.Values.ToArray();

    /// <summary>Adds or replaces a token; returns it so a test can adjust its expiry.</summary>
    public SimulatedToken AddToken(string fullToken, AccessControlList? acl = null, DateTimeOffset? expires = null)
    {
        var token = new SimulatedToken(ApiTokenCredential.Parse(fullToken), acl, expires);
        _tokens[token.Credential.TokenId] = token;
        return token;
    }

    public SimulatedToken? FindToken(string tokenId) => _tokens.GetValueOrDefault(tokenId);

    /// <summary>Makes a token fail authentication from now on, as an expired token does.</summary>
    public void ExpireToken(string tokenId)
    {
        if (_tokens.TryGetValue(tokenId, out var token))
        {
            token.Expires = _time.GetUtcNow().AddSeconds(-1);
        }
    }

    public bool IsExpired(SimulatedToken token) => token.Expires is { } expires && expires <= _time.GetUtcNow();
}
