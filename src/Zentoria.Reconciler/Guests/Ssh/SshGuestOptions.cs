using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>How the operator authenticates to guests and decides which servers to trust.</summary>
/// <remarks>
/// A host key is trusted when it matches <see cref="PinnedFingerprint"/>, an entry of <see cref="KnownHostsFile"/>,
/// or an entry of <see cref="TrustOnFirstUseFile"/>. Anything else is refused, unless trust on first use is on
/// and the host has no entry yet: then the key is recorded and the recording logged.
/// </remarks>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OptionsRanges.Justification)]
internal sealed class SshGuestOptions
{
    /// <summary>The options an environment's <c>guests</c> settings give.</summary>
    /// <param name="trustOnFirstUseFile">A file in the state folder to turn trust on first use on, or null.</param>
    public static SshGuestOptions From(GuestAccessSpec access, string? trustOnFirstUseFile) => new()
    {
        KeyFile = access.KeyFile,
        KnownHostsFile = access.KnownHostsFile,
        PinnedFingerprint = access.HostKeyFingerprint,
        TrustOnFirstUseFile = trustOnFirstUseFile,
    };

    /// <summary>The private key (ed25519 or RSA, OpenSSH or PEM format).</summary>
    [Required]
    public string KeyFile { get; set; } = "";

    /// <summary>The key's passphrase, or null for an unencrypted key. Never logged.</summary>
    public string? KeyPassphrase { get; set; }

    /// <summary>A pinned host key fingerprint as <c>ssh-keygen -l -E sha256</c> prints it: <c>SHA256:</c> and base64.</summary>
    [RegularExpression("^SHA256:[A-Za-z0-9+/]{43}=?$", ErrorMessage = "PinnedFingerprint must look like SHA256:<43 base64 characters>, as ssh-keygen -l -E sha256 prints it")]
    public string? PinnedFingerprint { get; set; }

    /// <summary>A known_hosts file in OpenSSH format (plain or hashed host names, <c>[host]:port</c> for other ports).</summary>
    public string? KnownHostsFile { get; set; }

    /// <summary>
    /// Where to record the host keys of hosts seen for the first time, or null to refuse unknown hosts.
    /// Set it to a file in the state folder (such as <c>known_hosts</c>) to turn trust on first use on.
    /// </summary>
    /// <value>null (off).</value>
    public string? TrustOnFirstUseFile { get; set; }

    /// <summary>How long a TCP connect plus the SSH handshake may take.</summary>
    /// <value>10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of stdout, and separately of stderr, a command result keeps; the rest is read and discarded.</summary>
    /// <value>1 MiB.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxOutputBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a file read or write may take.</summary>
    /// <value>60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FileTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The Proxmox command that enters a container in <c>pct</c> mode; tests point it at a stand-in.</summary>
    /// <value><c>pct</c>.</value>
    [Required]
    public string PctCommand { get; set; } = "pct";
}
