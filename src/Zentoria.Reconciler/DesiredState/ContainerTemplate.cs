namespace Zentoria.Reconciler.DesiredState;

/// <summary>How to create the container when it does not exist.</summary>
/// <param name="OsTemplate">A template volume, such as <c>local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst</c>.</param>
/// <param name="Storage">The storage of the root disk, such as <c>local-lvm</c>.</param>
/// <param name="Unprivileged">Create an unprivileged container.</param>
/// <param name="SshPublicKeysFile">A file of public keys to install for root, or null.</param>
internal sealed record ContainerTemplate(string OsTemplate, string Storage, bool Unprivileged, string? SshPublicKeysFile);
