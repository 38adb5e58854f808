namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary>A read-only copy of a task for tests and the sandbox.</summary>
internal sealed record TaskView(string Upid, string Node, string Type, string Id, string User, bool IsRunning, string? ExitStatus, IReadOnlyList<string> Log);
