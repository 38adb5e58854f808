namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary>A worker task: running until <see cref="EndsAt"/>, then stopped with an exit status and a log.</summary>
internal sealed class SimulatedTask
{
    public SimulatedTask(Upid upid, string? tokenId, DateTimeOffset? endsAt, TaskSpec spec)
    {
        Upid = upid;
        UpidText = upid.ToString();
        TokenId = tokenId;
        EndsAt = endsAt;
        Spec = spec;
        Log.AddRange(spec.LogLines);
    }

    public Upid Upid { get; }

    public string UpidText { get; }

    public string? TokenId { get; }

    /// <summary><see langword="null"/> for a task that never finishes.</summary>
    public DateTimeOffset? EndsAt { get; }

    public TaskSpec Spec { get; }

    public string? ForcedError { get; init; }

    public List<string> Log { get; } = [];

    public string? ExitStatus { get; private set; }

    public bool IsRunning => ExitStatus is null;

    public DateTimeOffset? EndTime { get; private set; }

    public void Finish(string? error, DateTimeOffset endTime)
    {
        EndTime = endTime;
        if (error is null)
        {
            Log.Add("TASK OK");
            ExitStatus = "OK";
        }
        else
        {
            var flat = error.TrimEnd('\n').Replace('\n', ' ');
            Log.Add("TASK ERROR: " + flat);
            ExitStatus = flat;
        }
    }
}
