namespace Zentoria.Reconciler.Reconciliation;

/// <summary>Returns a number in [0, 1). Injected wherever jitter is drawn so tests can pin it.</summary>
internal delegate double Randomizer();
