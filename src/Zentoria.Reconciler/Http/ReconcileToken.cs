using System.Security.Cryptography;
using System.Text;
using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Http;

/// <summary>
/// The bearer token that guards every state-changing endpoint. Holds only its SHA-256, so the token itself
/// cannot reach a log or a dump through this object; <see cref="ToString"/> says nothing about it.
/// </summary>
internal sealed class ReconcileToken
{
    private const string Scheme = "Bearer ";

    private readonly byte[]? hash;

    private ReconcileToken(byte[]? hash, string source, string name)
    {
        this.hash = hash;
        Source = source;
        Name = name;
    }

    /// <summary>False when no token is configured: then every guarded request is refused.</summary>
    public bool IsConfigured => hash is not null;

    /// <summary>Where the token came from (a file path or a variable name), for logs; never the token.</summary>
    public string Source { get; }

    /// <summary>Who the token stands for, as the audit trail's actor: configured, else the file or variable name.</summary>
    public string Name { get; }

    /// <summary>Reads the token from <see cref="HttpEndpointOptions.TokenFile"/>, else from the variable; registers it with the redactor.</summary>
    public static ReconcileToken Load(HttpEndpointOptions options, Func<string, string?> environmentVariable, SecretRedactor redactor)
    {
        var (token, source) = options.TokenFile is { } file
            ? (File.ReadAllText(file).Trim(), file)
            : (environmentVariable(options.TokenVariable)?.Trim(), "$" + options.TokenVariable);
        var name = options.TokenName ?? (options.TokenFile is { } path ? Path.GetFileNameWithoutExtension(path) : options.TokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            return new ReconcileToken(null, source, name);
        }

        redactor.Register(token);
        return new ReconcileToken(SHA256.HashData(Encoding.UTF8.GetBytes(token)), source, name);
    }

    /// <summary>Whether an <c>Authorization</c> header carries this token.</summary>
    /// <remarks>
    /// Compares SHA-256 digests in constant time: equal-length digests hide the token's length, and
    /// <see cref="CryptographicOperations.FixedTimeEquals"/> hides how many leading bytes matched.
    /// </remarks>
    public bool Accepts(string? authorization)
    {
        if (hash is null || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(offered, hash);
    }

    public override string ToString() => $"reconcile token from {Source}";
}
