using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>Who sent a request: a user (ticket) or a user's API token, and what they may do.</summary>
internal sealed class Identity
{
    public Identity(string userId, string? tokenId, AccessControlList? acl)
    {
        UserId = userId;
        TokenId = tokenId;
        Acl = acl;
    }

    public static Identity Anonymous { get; } = new("", null, AccessControlList.Empty());

    /// <summary><c>user@realm</c>.</summary>
    public string UserId { get; }

    /// <summary>The full <c>user@realm!tokenid</c>, or <see langword="null"/> for a ticket.</summary>
    public string? TokenId { get; }

    /// <summary><see langword="null"/> means every privilege everywhere (root, or a token without privilege separation).</summary>
    public AccessControlList? Acl { get; }

    /// <summary>The name that appears in UPIDs.</summary>
    public string TaskOwner => TokenId ?? UserId;

    public bool Can(string path, string privilege) => Acl is null || Acl.Allows(path, privilege);

    public void Require(string path, string privilege)
    {
        if (!Can(path, privilege))
        {
            throw PveApiException.Forbidden(path, privilege);
        }
    }

    public void RequireAny(string path, params string[] privileges)
    {
        if (!privileges.Any(p => Can(path, p)))
        {
            throw PveApiException.Forbidden(path, string.Join('|', privileges));
        }
    }
}
