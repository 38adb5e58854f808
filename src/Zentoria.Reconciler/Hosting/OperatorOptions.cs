using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Http;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Hosting;

/// <summary>Everything the operator host is built from; the <c>run</c> and <c>sandbox</c> verbs fill it in.</summary>
/// <remarks>Validated when the host starts (<see cref="OperatorOptionsValidator"/>, <see cref="OperatorOptionsCustomValidator"/>).</remarks>
internal sealed class OperatorOptions
{
    /// <summary>The environment name (<c>--env</c>), such as <c>sandbox</c>; also names the state folder.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$")]
    public string Environment { get; set; } = "sandbox";

    /// <value><see cref="LogFormat.Text"/>.</value>
    public LogFormat LogFormat { get; set; } = LogFormat.Text;

    [ValidateObjectMembers]
    public SchedulingOptions Scheduling { get; set; } = new();

    [ValidateObjectMembers]
    public LoopOptions Loop { get; set; } = new();

    [ValidateObjectMembers]
    public HttpEndpointOptions Http { get; set; } = new();

    public StateOptions State { get; set; } = new();

    [ValidateObjectMembers]
    public AuditOptions Audit { get; set; } = new();
}
