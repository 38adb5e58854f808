namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>Whether a server's host key is trusted, and if not, the one line that says why.</summary>
/// <param name="Recorded">The key was unknown and trust on first use recorded it.</param>
internal sealed record HostKeyDecision(bool Trusted, string? Refusal, bool Recorded)
{
    public static readonly HostKeyDecision Accept = new(true, null, false);

    public static HostKeyDecision Refuse(string reason) => new(false, reason, false);
}
