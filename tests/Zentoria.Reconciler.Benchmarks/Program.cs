using System.CommandLine;
using Zentoria.Reconciler.Benchmarks;
using Zentoria.Reconciler.Hosting;

// The operator's own runtime setting, as the benchmarks host the operator in this process.
InlineSocketCompletions.PreferUnlessSet();

// Each benchmark is a sub-command: dotnet run -c Release --project tests/Zentoria.Reconciler.Benchmarks -- <name> [options]
var root = new RootCommand("Zentoria Reconciler benchmarks. They print figures; they are not timed tests.")
{
    ProxmoxReadBenchmark.Create(),
    ReconcilePassBenchmark.Create(),
    SandboxMemoryBenchmark.Create(),
    GitPushBenchmark.Create(),
    BlueGreenVsRollingBenchmark.Create(),
};
return await root.Parse(args).InvokeAsync();
