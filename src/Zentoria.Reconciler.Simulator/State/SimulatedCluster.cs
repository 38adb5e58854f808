using System.Globalization;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>
/// The simulated cluster: nodes, containers and tasks behind one gate. Handlers run under the gate; the public
/// methods here take it themselves, so tests and the sandbox can seed and inspect state while requests run.
/// </summary>
internal sealed class SimulatedCluster
{
    public const string DefaultTemplate = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";

    private readonly List<SimulatedNode> _nodes = [];
    private readonly Dictionary<int, SimulatedContainer> _containers = [];
    private readonly Random _random;

    public SimulatedCluster(TimeProvider time, Random random, TimeSpan taskDuration)
    {
        Time = time;
        _random = random;
        Tasks = new TaskRegistry(time, taskDuration, 0x000D7AA2 + random.Next(0x10000));
    }

    /// <summary>Serialises every state change, as the per-CT flock and pmxcfs do on a real cluster.</summary>
    public Lock Gate { get; } = new();

    public TimeProvider Time { get; }

    public TaskRegistry Tasks { get; }

    public IReadOnlyList<SimulatedNode> Nodes
    {
        get
        {
            lock (Gate)
            {
                return _nodes.ToList();
            }
        }
    }

    /// <summary>The node the API is talking to (answers <c>localhost</c>).</summary>
    public string LocalNode => _nodes.Count > 0 ? _nodes[0].Name : "pve";

    internal IReadOnlyDictionary<int, SimulatedContainer> ContainerMap => _containers;

    /// <summary>Adds a node with the storages <c>local</c> (dir) and <c>local-lvm</c> (lvmthin) and the Debian 12 template.</summary>
    public void AddNode(string name)
    {
        lock (Gate)
        {
            if (_nodes.Any(n => n.Name == name))
            {
                return;
            }

            var node = new SimulatedNode(name);
            node.Storages["local"] = new SimulatedStorage("local", "dir");
            node.Storages["local-lvm"] = new SimulatedStorage("local-lvm", "lvmthin");
            node.Templates.Add(DefaultTemplate);
            _nodes.Add(node);
        }
    }

    /// <summary>Marks a node as down: calls naming it answer 595 <c>No route to host</c>.</summary>
    public void SetNodeOnline(string name, bool online)
    {
        lock (Gate)
        {
            FindNode(name)!.Online = online;
        }
    }

    public void AddContainer(ContainerSeed seed)
    {
        lock (Gate)
        {
            var node = FindNode(seed.Node) ?? throw new SimulatorConfigurationException($"container {seed.VmId}: no node named '{seed.Node}'");
            if (_containers.ContainsKey(seed.VmId))
            {
                throw new SimulatorConfigurationException($"container {seed.VmId} is listed twice");
            }

            if (!node.Storages.TryGetValue(seed.RootfsStorage, out var storage))
            {
                throw new SimulatorConfigurationException($"container {seed.VmId}: node '{seed.Node}' has no storage '{seed.RootfsStorage}'");
            }

            var config = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["arch"] = "amd64",
                ["cores"] = seed.Cores.ToString(CultureInfo.InvariantCulture),
                ["hostname"] = seed.Hostname ?? $"CT{seed.VmId}",
                ["memory"] = seed.MemoryMiB.ToString(CultureInfo.InvariantCulture),
                ["ostype"] = seed.OsType,
                ["rootfs"] = storage.NewVolumeName(seed.VmId, 0) + ",size=" + DiskSize.Format((long)Math.Round(seed.RootfsGiB * (1L << 30))),
                ["swap"] = seed.SwapMiB.ToString(CultureInfo.InvariantCulture),
                ["unprivileged"] = seed.Unprivileged ? "1" : "0",
            };
            SetIf(config, "net0", seed.Net0 is null ? null : NetworkInterface.Normalize(seed.Net0, NewMacAddress));
            SetIf(config, "tags", seed.Tags.Count > 0 ? TagList.Normalize(string.Join(';', seed.Tags)) : null);
            SetIf(config, "description", seed.Description);
            SetIf(config, "onboot", seed.OnBoot ? "1" : null);
            SetIf(config, "protection", seed.Protection ? "1" : null);
            SetIf(config, "lock", seed.Lock);
            var container = new SimulatedContainer(seed.VmId, node.Name, config);
            if (seed.Running)
            {
                container.Start(Time.GetUtcNow(), NewPid());
            }

            _containers[seed.VmId] = container;
        }
    }

    /// <summary>Sets or clears a container's <c>lock</c> key, as <c>vzdump</c> or <c>pct unlock</c> would.</summary>
    public void SetLock(int vmid, string? lockName)
    {
        lock (Gate)
        {
            _containers[vmid].Lock = lockName;
        }
    }

    /// <summary>Changes the power state behind the API's back (a crash, or someone using <c>pct</c>).</summary>
    public void SetRunning(int vmid, bool running)
    {
        lock (Gate)
        {
            var container = _containers[vmid];
            if (running)
            {
                container.Start(Time.GetUtcNow(), NewPid());
            }
            else
            {
                container.Stop();
            }
        }
    }

    /// <summary>
    /// Puts a container's config on another node behind the API's back, as <c>pct migrate</c> run by hand would; its
    /// volumes are not copied, which no read of the config notices.
    /// </summary>
    public void Move(int vmid, string node)
    {
        lock (Gate)
        {
            _containers[vmid].Node = FindNode(node)?.Name ?? throw new SimulatorConfigurationException($"no node named '{node}'");
        }
    }

    /// <summary>Deletes a container behind the API's back (someone ran <c>pct destroy</c>).</summary>
    public void Delete(int vmid)
    {
        lock (Gate)
        {
            _containers.Remove(vmid);
        }
    }

    public ContainerView? FindContainer(int vmid)
    {
        lock (Gate)
        {
            Tasks.CompleteDue();
            return _containers.TryGetValue(vmid, out var container) ? ToView(container) : null;
        }
    }

    public IReadOnlyList<ContainerView> Containers()
    {
        lock (Gate)
        {
            Tasks.CompleteDue();
            return _containers.Values.OrderBy(c => c.VmId).Select(ToView).ToList();
        }
    }

    public IReadOnlyList<TaskView> TaskList()
    {
        lock (Gate)
        {
            Tasks.CompleteDue();
            return Tasks.All.Select(t => new TaskView(t.UpidText, t.Upid.Node, t.Upid.Type, t.Upid.Id, t.Upid.User, t.IsRunning, t.ExitStatus, t.Log.ToList())).ToList();
        }
    }

    internal SimulatedNode? FindNode(string name) => _nodes.FirstOrDefault(n => n.Name == name);

    /// <summary>The node a path names; an unknown name fails the way the DNS fallback does.</summary>
    internal SimulatedNode ResolveNode(string name)
    {
        var resolved = name == "localhost" ? LocalNode : name;
        return FindNode(resolved)
            ?? throw PveApiException.Internal($"hostname lookup '{name}' failed - failed to get address info for: {name}: Name or service not known");
    }

    /// <summary>The container if it lives on that node; otherwise the "does not exist" error PVE gives.</summary>
    internal SimulatedContainer GetContainer(string node, int vmid) =>
        _containers.TryGetValue(vmid, out var container) && container.Node == node
            ? container
            : throw PveApiException.ConfigMissing(node, vmid);

    internal SimulatedContainer? TryGetContainer(int vmid) => _containers.GetValueOrDefault(vmid);

    internal void Put(SimulatedContainer container) => _containers[container.VmId] = container;

    internal void Remove(int vmid) => _containers.Remove(vmid);

    internal int NextFreeVmId()
    {
        var id = 100;
        while (_containers.ContainsKey(id))
        {
            id++;
        }

        return id;
    }

    internal int NewPid() => 1000 + _random.Next(4_000_000);

    /// <summary>A MAC with Proxmox's default OUI <c>BC:24:11</c>.</summary>
    internal string NewMacAddress() =>
        string.Create(CultureInfo.InvariantCulture, $"BC:24:11:{_random.Next(256):X2}:{_random.Next(256):X2}:{_random.Next(256):X2}");

    internal static ContainerView ToView(SimulatedContainer c) => new(
        c.VmId,
        c.Node,
        c.Running,
        c.Lock,
        new SortedDictionary<string, string>(c.Config, StringComparer.Ordinal),
        new SortedDictionary<string, string>(c.Pending, StringComparer.Ordinal),
        new SortedSet<string>(c.PendingDeletes, StringComparer.Ordinal),
        c.Snapshots.Select(s => s.Name).ToList(),
        ConfigFile.Digest(c));

    private static void SetIf(SortedDictionary<string, string> config, string key, string? value)
    {
        if (value is not null)
        {
            config[key] = value;
        }
    }
}
