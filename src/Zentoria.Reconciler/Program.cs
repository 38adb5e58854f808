using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Hosting;

InlineSocketCompletions.PreferUnlessSet();
return await CommandLine.RunAsync(args);
