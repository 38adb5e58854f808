using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// <c>retry &lt;service&gt;</c>: forgets the service's remembered failed version, makes its unit due even if it is
/// Stalled, and requests a pass, so the version is deployed again at once. Audited as action <c>retry</c>.
/// </summary>
internal sealed class ServiceRetry(
    FailedDeployments failures,
    UnitScheduler scheduler,
    ReconcileTrigger trigger,
    StatusStore status,
    AuditTrail audit,
    TimeProvider time,
    ILogger<ServiceRetry> logger)
{
    public const string ActionName = "retry";

    public RetryOutcome Retry(string service, string requestedFrom)
    {
        var unit = new UnitKey(UnitKind.Service, service);
        if (status.Find(unit) is null)
        {
            return RetryOutcome.UnknownService;
        }

        var failed = failures.All.FirstOrDefault(f => f.Service == service);
        var forgot = failures.Forget(service);
        scheduler.Wake(unit);
        trigger.Request();
        Log.RetryRequested(logger, service, requestedFrom, forgot);
        audit.Append(new AuditRecord(time.GetUtcNow(), status.Snapshot.Revision ?? "", nameof(UnitKind.Service), service, ActionName,
            failed is null ? null : $"{failed.Version} failed at revision {failed.Revision}", null, AuditResult.Succeeded, 0, null));
        return RetryOutcome.Accepted;
    }
}
