namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>Where one flag's progressive rollout stands after a decision.</summary>
internal enum FlagRolloutState
{
    /// <summary>At its desired percentage, watched through the last interval (or not progressive at all).</summary>
    Complete,

    /// <summary>Raised one step just now.</summary>
    Raised,

    /// <summary>Holding a step until its interval has passed.</summary>
    Watching,

    /// <summary>Holding a step until the owning service is Healthy again (Unknown or Progressing).</summary>
    WaitingForHealth,

    /// <summary>Returned to the last good step just now, because the owning service was not healthy.</summary>
    RolledBack,

    /// <summary>Held at the last good step after a rollback, until the flag's steps, rollout or interval change.</summary>
    Held,
}
