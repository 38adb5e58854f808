using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// One pipeline per <see cref="OperationClass"/>: a total timeout around retries; each attempt then runs in
/// <see cref="Attempt"/>, a per-attempt timeout that starts only once a node slot is held, so time queued
/// behind the per-node cap never looks like a slow server. Retries are for brief faults only; waiting for a
/// lock to clear or a node to return is the reconcile loop's job, so the budget stays small.
/// </summary>
internal sealed class ProxmoxResiliencePipelines
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);
    private readonly ResiliencePipeline read;
    private readonly ResiliencePipeline write;
    private readonly ResiliencePipeline probe;

    public ProxmoxResiliencePipelines(ProxmoxClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        read = Build(options, timeProvider, logger, IsRetryableRead);
        write = Build(options, timeProvider, logger, IsRetryableWrite);
        probe = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.OperationTimeout).Build();
        Attempt = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.AttemptTimeout).Build();
    }

    public ResiliencePipeline Attempt { get; }

    public ResiliencePipeline For(OperationClass operation) => operation switch
    {
        OperationClass.Read => read,
        OperationClass.Probe => probe,
        _ => write,
    };

    /// <summary>A read changes nothing, so any fault that may pass is worth another try.</summary>
    internal static bool IsRetryableRead(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        ProxmoxException { Kind: ProxmoxErrorKind.ConnectionFailed or ProxmoxErrorKind.Timeout or ProxmoxErrorKind.NodeUnreachable or ProxmoxErrorKind.LockTimeout } => true,
        ProxmoxException { Kind: ProxmoxErrorKind.ApiError, StatusCode: >= 500 } => true,
        _ => false,
    };

    /// <summary>
    /// A write is re-sent only when Proxmox certainly did nothing: it timed out on the config file lock before
    /// changing anything, our connection was never established, or (595) the entry node could not connect to
    /// the target node. A lost answer or an attempt timeout is not retried: the change may have happened.
    /// </summary>
    internal static bool IsRetryableWrite(Exception exception) => exception switch
    {
        ProxmoxLockTimeoutException => true,
        ProxmoxConnectionException { RequestSent: false } => true,
        ProxmoxNodeUnreachableException { StatusCode: 595 } => true,
        _ => false,
    };

    private static ResiliencePipeline Build(ProxmoxClientOptions options, TimeProvider timeProvider, ILogger logger, Func<Exception, bool> shouldRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.OperationTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } exception && shouldRetry(exception)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var failed = args.Context.Properties.GetValue(ProxmoxConnection.RequestKey, null!);
                    var kind = args.Outcome.Exception is ProxmoxException proxmox ? proxmox.Kind.ToString() : "Timeout";
                    logger.RetryingRequest(failed?.Method.Method ?? "", failed?.Route.Template ?? "", kind, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
