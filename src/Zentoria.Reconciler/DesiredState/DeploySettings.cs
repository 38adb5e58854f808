namespace Zentoria.Reconciler.DesiredState;

/// <summary>How a service's versions are installed and read, beyond the deploy command itself.</summary>
/// <param name="Snapshot">Take a Proxmox snapshot of the container before each deploy, to roll back to when redeploying the previous version fails too.</param>
/// <param name="Timeout">How long the deploy command may run.</param>
/// <param name="VersionCommand">A command whose first output line is the running version; null reads it from the http health answer.</param>
internal sealed record DeploySettings(bool Snapshot, TimeSpan Timeout, CommandTemplate? VersionCommand)
{
    public static readonly DeploySettings Default = new(false, TimeSpan.FromMinutes(10), null);
}
