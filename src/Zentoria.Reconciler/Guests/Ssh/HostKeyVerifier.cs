using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>Decides whether to trust a server's host key: pinned fingerprint, known_hosts, then trust on first use.</summary>
/// <remarks>Thread-safe; recording a first-use key is serialised so two connects cannot record two keys.</remarks>
internal sealed class HostKeyVerifier(SshGuestOptions options, ILogger logger)
{
    private readonly Lock recording = new();

    public HostKeyDecision Verify(string host, int port, byte[] keyBlob)
    {
        var offered = HostKeyFingerprint.Of(keyBlob);
        var pinned = options.PinnedFingerprint;
        if (!string.IsNullOrWhiteSpace(pinned) && HostKeyFingerprint.Matches(pinned, offered))
        {
            return HostKeyDecision.Accept;
        }

        var known = options.KnownHostsFile is { } file ? KnownHosts.Check(ReadLines(file), host, port, keyBlob) : KnownHostsVerdict.Unknown;
        if (known == KnownHostsVerdict.Trusted)
        {
            return HostKeyDecision.Accept;
        }

        var refusal = $"host key of {host}:{port} refused: the offered {HostKeyFingerprint.KeyType(keyBlob)} key {offered} ";
        if (known == KnownHostsVerdict.Revoked)
        {
            return HostKeyDecision.Refuse(refusal + $"is marked @revoked in {options.KnownHostsFile}");
        }

        if (known == KnownHostsVerdict.Mismatch)
        {
            return HostKeyDecision.Refuse(refusal + $"differs from the key {options.KnownHostsFile} lists for this host (a changed key, or someone in the middle)");
        }

        if (!string.IsNullOrWhiteSpace(pinned))
        {
            return HostKeyDecision.Refuse(refusal + $"does not match the pinned fingerprint {pinned.Trim()}");
        }

        return options.TrustOnFirstUseFile is { } tofu
            ? TrustOnFirstUse(tofu, host, port, keyBlob, refusal)
            : HostKeyDecision.Refuse(refusal + "matches no known_hosts entry and no fingerprint is pinned (trust on first use is off)");
    }

    private HostKeyDecision TrustOnFirstUse(string file, string host, int port, byte[] keyBlob, string refusal)
    {
        lock (recording)
        {
            var verdict = KnownHosts.Check(ReadLines(file), host, port, keyBlob);
            switch (verdict)
            {
                case KnownHostsVerdict.Trusted:
                    return HostKeyDecision.Accept;
                case KnownHostsVerdict.Unknown:
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                    File.AppendAllText(file, KnownHosts.Entry(host, port, keyBlob) + "\n");
                    Log.HostKeyRecorded(logger, host, port, HostKeyFingerprint.KeyType(keyBlob), HostKeyFingerprint.Of(keyBlob), file);
                    return new HostKeyDecision(true, null, Recorded: true);
                default:
                    return HostKeyDecision.Refuse(refusal + $"differs from the key recorded on first use in {file} (a changed key, or someone in the middle)");
            }
        }
    }

    private static string[] ReadLines(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];
}
