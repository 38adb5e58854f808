using Zentoria.Reconciler.Cli;

return await CommandLine.RunAsync(args);
