using System.CommandLine;

namespace Zentoria.Reconciler.Cli;

internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Zentoria Reconciler: a GitOps operator for Proxmox VE.");
        root.Subcommands.Add(SimulatorCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
