namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary>
/// All tasks, running and finished. Tasks finish lazily: <see cref="CompleteDue"/> runs the completion of every
/// task whose time is up, in the order they end, before any request is answered. Clock reads go through the
/// injected <see cref="TimeProvider"/>, so a <c>FakeTimeProvider</c> decides when tasks end.
/// Callers hold the cluster gate.
/// </summary>
internal sealed class TaskRegistry
{
    private readonly Dictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<SimulatedTask> _running = [];
    private readonly TimeProvider _time;
    private int _nextPid;
    private long _nextPStart;

    public TaskRegistry(TimeProvider time, TimeSpan duration, int firstPid)
    {
        _time = time;
        Duration = duration;
        _nextPid = firstPid;
        _nextPStart = 0x08D5A17C;
    }

    /// <summary>How long a task runs before it completes.</summary>
    public TimeSpan Duration { get; set; }

    public IReadOnlyCollection<SimulatedTask> All => _tasks.Values;

    public SimulatedTask? Find(string upid) => _tasks.GetValueOrDefault(upid);

    public SimulatedTask Start(TaskSpec spec, string owner, string? tokenId, TaskFault? fault)
    {
        var now = _time.GetUtcNow();
        var upid = new Upid(spec.Node, _nextPid++, _nextPStart += 37, now.ToUnixTimeSeconds(), spec.Type, spec.Id, owner);
        var outcome = spec.FailureAtStart is not null ? TaskOutcome.Fail : fault?.Outcome ?? TaskOutcome.Normal;
        DateTimeOffset? endsAt = outcome switch
        {
            TaskOutcome.Hang => null,
            _ when spec.FailureAtStart is not null => now,
            _ => now + Duration,
        };
        var task = new SimulatedTask(upid, tokenId, endsAt, spec)
        {
            ForcedError = spec.FailureAtStart ?? (outcome == TaskOutcome.Fail ? fault?.Message ?? "unexpected status" : null),
        };
        _tasks[task.UpidText] = task;
        _running.Add(task);
        CompleteDue();
        return task;
    }

    public void CompleteDue()
    {
        if (_running.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var due = _running.Where(t => t.EndsAt <= now).OrderBy(t => t.EndsAt).ToList();
        foreach (var task in due)
        {
            _running.Remove(task);
            if (task.ForcedError is not null)
            {
                task.Spec.Abort();
                task.Finish(task.ForcedError, task.EndsAt!.Value);
                continue;
            }

            string? error;
            try
            {
                error = task.Spec.Complete();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A task whose completion throws must still end, or it would hold its lock for ever.
                error = "unexpected status: " + exception.Message;
            }

            task.Finish(error, task.EndsAt!.Value);
        }
    }

    /// <summary>
    /// <c>DELETE /nodes/{node}/tasks/{upid}</c>: the worker is killed, what it held is released as on failure.
    /// </summary>
    public void Stop(SimulatedTask task)
    {
        if (!task.IsRunning)
        {
            return;
        }

        _running.Remove(task);
        task.Spec.Abort();
        task.Finish("interrupted by signal", _time.GetUtcNow());
    }
}
