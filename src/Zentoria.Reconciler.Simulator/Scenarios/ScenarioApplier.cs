using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>Puts a scenario's nodes, containers, tokens and faults into a freshly built simulator.</summary>
internal static class ScenarioApplier
{
    public static void Apply(SimulatorScenario scenario, SimulatedCluster cluster, AccessRegistry access, FaultInjector faults, DateTimeOffset now)
    {
        foreach (var node in scenario.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Name))
            {
                throw new SimulatorConfigurationException("scenario: a node has no name");
            }

            cluster.AddNode(node.Name);
            cluster.SetNodeOnline(node.Name, node.Online);
        }

        foreach (var container in scenario.Containers)
        {
            cluster.AddContainer(ToSeed(container));
        }

        foreach (var token in scenario.Tokens)
        {
            if (!ApiTokenCredential.TryParse(token.Id + "=" + token.Secret, out _))
            {
                throw new SimulatorConfigurationException($"scenario: token '{token.Id}' must have an id like user@realm!name and a secret");
            }

            var expires = token.ExpiresAfter is { } after ? now + Duration.Parse(after, $"token '{token.Id}' expiresAfter") : (DateTimeOffset?)null;
            var added = access.AddToken(token.Id + "=" + token.Secret, ToAcl(token.Acl), expires);
            if (token.Expired)
            {
                access.ExpireToken(added.Credential.TokenId);
            }
        }

        foreach (var fault in scenario.Faults)
        {
            faults.Add(ToRule(fault));
        }
    }

    private static ContainerSeed ToSeed(ScenarioContainer c)
    {
        if (c.Vmid is < 100 or > 999_999_999)
        {
            throw new SimulatorConfigurationException($"scenario: vmid {c.Vmid} is out of range (100 to 999999999)");
        }

        if (c.Status is not ("running" or "stopped"))
        {
            throw new SimulatorConfigurationException($"scenario: container {c.Vmid} has status '{c.Status}' (running or stopped)");
        }

        if (c.Cores < 1 || c.Memory < 16 || c.Swap < 0 || c.DiskGiB <= 0)
        {
            throw new SimulatorConfigurationException($"scenario: container {c.Vmid} needs cores >= 1, memory >= 16, swap >= 0 and diskGiB > 0");
        }

        try
        {
            return new ContainerSeed
            {
                VmId = c.Vmid,
                Node = c.Node,
                Hostname = c.Hostname,
                Running = c.Status == "running",
                Cores = c.Cores,
                MemoryMiB = c.Memory,
                SwapMiB = c.Swap,
                RootfsGiB = c.DiskGiB,
                RootfsStorage = c.Storage,
                Net0 = c.Net0,
                Tags = c.Tags,
                Description = c.Description,
                OnBoot = c.Onboot,
                Protection = c.Protection,
                Lock = c.Lock,
            };
        }
        catch (FormatException exception)
        {
            throw new SimulatorConfigurationException($"scenario: container {c.Vmid}: {exception.Message.ReplaceLineEndings(" ").Trim()}", exception);
        }
    }

    private static AccessControlList? ToAcl(Dictionary<string, string>? acl)
    {
        if (acl is null)
        {
            return null;
        }

        var list = AccessControlList.Empty();
        foreach (var (path, privileges) in acl)
        {
            list.Grant(path, privileges.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries));
        }

        return list;
    }

    private static FaultRule ToRule(ScenarioFault f)
    {
        if (!Enum.TryParse<FaultKind>(f.Kind, ignoreCase: true, out var kind) || int.TryParse(f.Kind, out _))
        {
            throw new SimulatorConfigurationException($"scenario: unknown fault kind '{f.Kind}' (one of {string.Join(", ", Enum.GetNames<FaultKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))})");
        }

        if (f.Probability is < 0 or > 1)
        {
            throw new SimulatorConfigurationException($"scenario: fault probability {f.Probability} must be between 0 and 1");
        }

        var rule = kind switch
        {
            FaultKind.Error => FaultRule.Error(f.Status ?? 500, f.Message ?? "injected error"),
            FaultKind.NodeUnreachable => FaultRule.NodeUnreachable(f.Message ?? "Connection refused"),
            FaultKind.ProxyFailure => FaultRule.ProxyFailure(f.Message ?? "Connection timed out"),
            FaultKind.LockTimeout => FaultRule.LockTimeout(),
            FaultKind.DropConnection => FaultRule.DropConnection(),
            FaultKind.Latency => FaultRule.Latency(Duration.Parse(f.Delay ?? "", "fault delay")),
            FaultKind.FailTask => FaultRule.FailTask(f.Message ?? "injected task failure"),
            _ => FaultRule.HangTask(),
        };
        return rule with { Route = f.Route, VmId = f.Vmid, Probability = f.Probability, Times = f.Times };
    }
}
