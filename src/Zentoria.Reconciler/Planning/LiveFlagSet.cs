using System.Collections.Immutable;

namespace Zentoria.Reconciler.Planning;

/// <param name="Flags">As read back from the flags file; empty when the file does not exist.</param>
/// <param name="Exists">Whether the flags file exists.</param>
internal sealed record LiveFlagSet(string Name, bool Exists, ImmutableArray<LiveFlag> Flags);
