using System.CommandLine;
using Zentoria.Reconciler.Benchmarks;

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
