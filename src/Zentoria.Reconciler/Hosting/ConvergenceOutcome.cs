namespace Zentoria.Reconciler.Hosting;

/// <summary>How a wait for convergence ended.</summary>
internal enum ConvergenceOutcome
{
    Converged,
    Stalled,
    TimedOut,
}
