using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Task status, logs and waiting. Every call goes to the node named in the UPID: only it knows the task.</summary>
internal sealed class TasksClient(ProxmoxConnection connection, TimeProvider timeProvider, ILogger logger)
{
    // Bounds the polling loop independently of the clock (a frozen fake clock must not spin forever).
    private const int MaxPolls = 100_000;

    // Right after dispatch a task can be unknown for a moment (reference 13.8); bpg retries this too.
    private const int UnknownTaskPollsTolerated = 3;

    /// <summary>GET /nodes/{node}/tasks/{upid}/status</summary>
    public Task<ProxmoxTaskStatus> GetStatusAsync(Upid upid, CancellationToken cancellationToken) =>
        connection.GetAsync<ProxmoxTaskStatus>(ProxmoxRoutes.TaskStatus(upid), cancellationToken);

    /// <summary>DELETE /nodes/{node}/tasks/{upid} — asks the worker to stop; the task then ends with <c>interrupted by signal</c>.</summary>
    public Task StopAsync(Upid upid, CancellationToken cancellationToken) =>
        connection.SendWithoutResultAsync(new ApiRequest(HttpMethod.Delete, ProxmoxRoutes.Task(upid), OperationClass.Write), cancellationToken);

    /// <summary>GET /nodes/{node}/tasks/{upid}/log — <paramref name="start"/> is 0-based, <paramref name="limit"/> at least 1.</summary>
    public async Task<ProxmoxTaskLog> GetLogAsync(Upid upid, int start, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var query = new FormParameters().Add("start", start).Add("limit", limit);
        var envelope = await connection.SendForEnvelopeAsync<List<TaskLogLine>>(
            new ApiRequest(HttpMethod.Get, ProxmoxRoutes.TaskLog(upid), OperationClass.Read, query), cancellationToken);
        var lines = envelope.Data ?? [];
        return new ProxmoxTaskLog(lines, envelope.Total ?? lines.Count);
    }

    /// <summary>GET /nodes/{node}/tasks — recent tasks of one guest and type, newest first.</summary>
    public async Task<IReadOnlyList<ProxmoxTaskSummary>> ListAsync(NodeName node, VmId vmid, string type, int limit, CancellationToken cancellationToken)
    {
        var query = new FormParameters().Add("vmid", vmid.Value).Add("typefilter", type).Add("source", "all").Add("limit", limit);
        var tasks = await connection.GetAsync<List<ProxmoxTaskSummary>>(ProxmoxRoutes.NodeTasks(node), cancellationToken, query);
        return [.. tasks.OrderByDescending(t => t.StartTime)];
    }

    /// <summary>
    /// Polls until the task stops, with intervals growing from <see cref="ProxmoxClientOptions.TaskPollInitialInterval"/>
    /// to <see cref="ProxmoxClientOptions.TaskPollMaxInterval"/>. Returns the final status on success (<c>OK</c> or
    /// <c>WARNINGS: n</c>); throws <see cref="ProxmoxTaskFailedException"/> with the log's last lines on failure and
    /// <see cref="ProxmoxTaskTimeoutException"/> at the deadline.
    /// </summary>
    public async Task<ProxmoxTaskStatus> WaitAsync(Upid upid, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(upid);
        var options = connection.Options;
        var deadline = timeProvider.GetUtcNow() + (timeout ?? options.TaskTimeout);
        var interval = options.TaskPollInitialInterval;
        logger.WaitingForTask(upid.ToString());
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var status = await TryGetStatusAsync(upid, poll, cancellationToken);
            if (status is { IsFinished: true })
            {
                return status.Succeeded ? status : throw await FailureOfAsync(upid, status, cancellationToken);
            }

            var remaining = deadline - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(interval < remaining ? interval : remaining, timeProvider, cancellationToken);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 3 / 2, options.TaskPollMaxInterval.Ticks));
        }

        throw new ProxmoxTaskTimeoutException(
            $"Proxmox task {upid.Type} {upid.Id} on {upid.Node} was still running after {(timeout ?? options.TaskTimeout).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s ({upid}).",
            upid);
    }

    private async Task<ProxmoxTaskStatus?> TryGetStatusAsync(Upid upid, int poll, CancellationToken cancellationToken)
    {
        try
        {
            return await GetStatusAsync(upid, cancellationToken);
        }
        catch (ProxmoxParameterException) when (poll < UnknownTaskPollsTolerated)
        {
            return null;
        }
        catch (ProxmoxException unreachable) when (unreachable.Kind is ProxmoxErrorKind.ConnectionFailed or ProxmoxErrorKind.Timeout or ProxmoxErrorKind.NodeUnreachable)
        {
            // The task runs on regardless of our connection; a network blip must not end a long wait early.
            logger.TaskPollFailed(upid.ToString(), unreachable.Kind.ToString());
            return null;
        }
    }

    private async Task<ProxmoxTaskFailedException> FailureOfAsync(Upid upid, ProxmoxTaskStatus status, CancellationToken cancellationToken)
    {
        var exit = ProxmoxErrorText.Normalize(status.ExitStatus);
        var lines = await LastLinesAsync(upid, connection.Options.TaskFailureLogLines, cancellationToken);
        return new ProxmoxTaskFailedException(
            $"Proxmox task {upid.Type} {upid.Id} on {upid.Node} failed: {(exit.Length > 0 ? exit : "no exit status")}",
            upid,
            exit,
            ProxmoxErrorMap.Interpret(exit),
            lines);
    }

    private async Task<IReadOnlyList<string>> LastLinesAsync(Upid upid, int count, CancellationToken cancellationToken)
    {
        try
        {
            var head = await GetLogAsync(upid, 0, 1, cancellationToken);
            if (head.Total <= 1)
            {
                return [.. head.Lines.Select(l => l.Text)];
            }

            var tail = await GetLogAsync(upid, Math.Max(0, head.Total - count), count, cancellationToken);
            return [.. tail.Lines.Select(l => l.Text)];
        }
        catch (ProxmoxException)
        {
            // The exit status already says what failed; a log we cannot read must not hide it.
            return [];
        }
    }
}
