using System.CommandLine;

namespace Zentoria.Reconciler.Cli;

internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Zentoria Reconciler: a GitOps operator for Proxmox VE.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(SimulatorCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ApplyCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(RetryCommand.Create());
        root.Subcommands.Add(ApproveCommand.Create());
        root.Subcommands.Add(SuspendCommand.Create(suspend: true));
        root.Subcommands.Add(SuspendCommand.Create(suspend: false));
        root.Subcommands.Add(OverrideCommand.Create());
        root.Subcommands.Add(RolloutCommand.Create(Reconciliation.Rollouts.RolloutRequestKind.Promote));
        root.Subcommands.Add(RolloutCommand.Create(Reconciliation.Rollouts.RolloutRequestKind.Abort));
        return root.Parse(args).InvokeAsync();
    }
}
