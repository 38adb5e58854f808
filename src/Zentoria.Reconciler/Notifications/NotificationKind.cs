namespace Zentoria.Reconciler.Notifications;

/// <summary>What happened. The names are part of the generic JSON payload (<c>event</c>), so scripts may match on them.</summary>
internal enum NotificationKind
{
    /// <summary>A fetched revision of the desired state failed validation; the last valid one stays in force.</summary>
    RevisionRejected,

    /// <summary>A service's rollout to a new version began.</summary>
    RolloutStarted,

    /// <summary>A rollout finished: the new version takes all the traffic.</summary>
    RolloutPromoted,

    /// <summary>A rollout was rolled back after failed health checks or metrics.</summary>
    RolloutRolledBack,

    /// <summary>A rollout stopped on an error it cannot retry; a person must look.</summary>
    RolloutFailed,
}
