using System.ComponentModel.DataAnnotations;

namespace Zentoria.Reconciler.Http;

/// <summary>Where <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>, <c>/status</c> and <c>POST /reconcile</c> listen.</summary>
internal sealed class HttpEndpointOptions
{
    /// <summary>An IP address (not a host name). A non-loopback address is refused unless <see cref="AllowNonLoopback"/> is set.</summary>
    /// <value><c>127.0.0.1</c>.</value>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    /// <value>9464 (Prometheus' conventional exporter port range).</value>
    [Range(0, 65535)]
    public int Port { get; set; } = 9464;

    /// <summary>Allows <see cref="Address"/> to be reachable from other machines. Status and metrics are not secrets, but they are not public either.</summary>
    /// <value>false.</value>
    public bool AllowNonLoopback { get; set; }

    /// <summary>A file holding the bearer token <c>POST /reconcile</c> requires; takes precedence over <see cref="TokenVariable"/>.</summary>
    /// <value>null.</value>
    public string? TokenFile { get; set; }

    /// <summary>The environment variable holding the bearer token when <see cref="TokenFile"/> is not set.</summary>
    /// <value><c>ZENTORIA_RECONCILE_TOKEN</c>.</value>
    [Required]
    public string TokenVariable { get; set; } = "ZENTORIA_RECONCILE_TOKEN";

    /// <summary>Who the token stands for: the actor the audit trail records for approvals, suspensions and overrides.</summary>
    /// <value>null: the token file's name without extension, else the variable's name.</value>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    public string? TokenName { get; set; }
}
