using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Http;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sources;
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

    /// <summary>Where the desired state comes from: a folder (the default) or a git repository, with polling and webhook.</summary>
    /// <remarks>Checked by <see cref="SourceOptionsValidation"/>: its git settings only matter when <see cref="SourceOptions.Kind"/> is git.</remarks>
    public SourceOptions Source { get; set; } = new();

    /// <summary>Webhooks that hear about rejected revisions (and, later, rollouts), with retries and a duplicate guard.</summary>
    [ValidateObjectMembers]
    public NotificationOptions Notifications { get; set; } = new();
}
