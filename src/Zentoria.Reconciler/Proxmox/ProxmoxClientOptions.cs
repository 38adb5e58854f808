using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// How to reach and authenticate to one Proxmox endpoint. Give either <see cref="ApiToken"/> or
/// <see cref="Username"/> with <see cref="Password"/>. Checked by <see cref="ProxmoxClientOptionsValidation"/>
/// when the client is created.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OptionsRanges.Justification)]
internal sealed class ProxmoxClientOptions
{
    /// <summary>The endpoint, such as <c>https://127.0.0.1:8006</c>; <c>/api2/json</c> is added when missing. No default.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary><c>USER@REALM!TOKENID=SECRET</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>For ticket login, such as <c>root@pam</c>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>SHA-256 of the server certificate, <c>AA:BB:...</c> or plain hex. Replaces system trust when set.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Accept any server certificate. Logged as a warning at start; never use it beyond a lab.</summary>
    /// <value>false</value>
    public bool SkipCertificateVerification { get; set; }

    /// <summary>Time to open a TCP and TLS connection.</summary>
    /// <value>10 seconds</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for one HTTP attempt. Proxmox gives up on a forwarded call after 30 s idle, so a little more.</summary>
    /// <value>35 seconds</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>Time for a call including its retries; must exceed <see cref="AttemptTimeout"/>.</summary>
    /// <value>2 minutes</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt, for the faults each operation class may retry.</summary>
    /// <value>3</value>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    /// <value>500 milliseconds</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests in flight per node. pvedaemon runs 3 workers per node.</summary>
    /// <value>3</value>
    [Range(1, 64)]
    public int MaxConcurrentRequestsPerNode { get; set; } = 3;

    /// <summary>Ticket age at which it is renewed; Proxmox accepts tickets for 2 hours.</summary>
    /// <value>1 hour</value>
    [Range(typeof(TimeSpan), "00:01:00", "01:55:00")]
    public TimeSpan TicketRenewAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>First pause between task status polls; it grows by half each poll.</summary>
    /// <value>250 milliseconds</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan TaskPollInitialInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest pause between task status polls.</summary>
    /// <value>2 seconds</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan TaskPollMaxInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for a task before giving up on it (the task itself goes on).</summary>
    /// <value>10 minutes</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "06:00:00")]
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest answer body read; <c>/cluster/resources</c> for 10,000 guests is about 3 MiB.</summary>
    /// <value>64 MiB</value>
    [Range(1024, 1L << 30)]
    public long MaxResponseBytes { get; set; } = 64L << 20;

    /// <summary>Task log lines carried by a task failure.</summary>
    /// <value>20</value>
    [Range(1, 500)]
    public int TaskFailureLogLines { get; set; } = 20;
}
