namespace Zentoria.Reconciler.DesiredState;

/// <summary>A database dump taken inside a container before migrations, and how to restore it.</summary>
/// <param name="Container">Where the dump and restore commands run: the database's container.</param>
/// <param name="Command">Writes the dump to <paramref name="Path"/> (the <c>{file}</c> placeholder), such as <c>pg_dump -Fc -f {file} app</c>.</param>
/// <param name="Path">The dump file's absolute path inside <paramref name="Container"/>; checked to be a valid, non-empty dump before migrating.</param>
/// <param name="Restore">Restores the dump from <c>{file}</c> when the migration fails.</param>
internal sealed record DumpSpec(ContainerName Container, CommandTemplate Command, string Path, CommandTemplate Restore);
