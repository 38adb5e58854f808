namespace Zentoria.Reconciler.Sandbox;

/// <summary>What the sandbox starts with (<c>sandbox --scenario</c>).</summary>
internal enum SandboxScenario
{
    /// <summary>Containers drifted, the backend one version behind, a flag at the wrong percentage: everything converges.</summary>
    Default,

    /// <summary>
    /// The AI orchestrator one version behind, and that version broken: its health checks fail, the previous version
    /// is redeployed, and the service ends Degraded with the reason.
    /// </summary>
    BrokenRelease,

    /// <summary>
    /// The frontend (Canary) one version behind, and that version falls over after it served a while: it passes the
    /// check before traffic, takes its first step, fails the next analysis (its health: the sandbox has no
    /// Prometheus), and is withdrawn: weights back to 100/0, clone destroyed, Degraded with the reason.
    /// </summary>
    BadCanary,
}
