namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Runs one reconcile pass. The host binds it to <see cref="ReconcilePass.RunAsync"/>; tests bind it to passes
/// that throw, hang or count, without an interface that would have only one real implementation.
/// </summary>
internal delegate Task<PassResult> PassRunner(CancellationToken cancellationToken);
