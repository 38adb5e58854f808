namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Username/password login. Proxmox accepts a ticket for 2 h; this renews it after
/// <see cref="ProxmoxClientOptions.TicketRenewAfter"/> by logging in with the current ticket as password, so a
/// long-lived client never meets "401 No ticket" (cluster-api-provider-proxmox issue 140).
/// </summary>
internal sealed class TicketAuthenticator(
    string username,
    SecretString password,
    TimeSpan renewAfter,
    Func<string, SecretString, CancellationToken, Task<ProxmoxTicket>> login,
    TimeProvider timeProvider) : RequestAuthenticator, IDisposable
{
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromHours(2);
    private readonly SemaphoreSlim gate = new(1, 1);
    private ProxmoxTicket? ticket;
    private DateTimeOffset issuedAt;

    public override string Description => $"the password of {username}";

    public override async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = await GetTicketAsync(cancellationToken);
        request.Headers.TryAddWithoutValidation("Cookie", "PVEAuthCookie=" + current.Ticket!.Reveal());
        if (request.Method != HttpMethod.Get && current.CsrfPreventionToken is { } csrf)
        {
            request.Headers.TryAddWithoutValidation("CSRFPreventionToken", csrf.Reveal());
        }
    }

    public override bool Invalidate()
    {
        ticket = null;
        return true;
    }

    public void Dispose() => gate.Dispose();

    private async ValueTask<ProxmoxTicket> GetTicketAsync(CancellationToken cancellationToken)
    {
        var cached = ticket;
        if (cached is not null && timeProvider.GetUtcNow() - issuedAt < renewAfter)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (ticket is { } fresh && now - issuedAt < renewAfter)
            {
                return fresh;
            }

            // A still-valid ticket renews itself (it is accepted as the password); an expired one cannot.
            var secret = ticket is { Ticket: { } old } && now - issuedAt < TicketLifetime ? old : password;
            var renewed = await login(username, secret, cancellationToken);
            if (renewed.NeedTfa || renewed.Ticket is null)
            {
                throw new ProxmoxUnauthorizedException($"Proxmox asks {username} for a second factor; use an API token for the operator.");
            }

            ticket = renewed;
            issuedAt = now;
            return renewed;
        }
        finally
        {
            gate.Release();
        }
    }
}
