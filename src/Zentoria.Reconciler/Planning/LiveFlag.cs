namespace Zentoria.Reconciler.Planning;

internal sealed record LiveFlag(string Name, bool Enabled, int Rollout);
