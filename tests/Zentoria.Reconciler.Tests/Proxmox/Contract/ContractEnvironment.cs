using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

/// <summary>
/// Where the contract suite runs: the simulator over HTTPS with its certificate pinned (9.1 or 8.1 mode), or a
/// real Proxmox named by <c>PVE_URL</c>, <c>PVE_TOKEN</c> and <c>PVE_NODE</c> (optionally <c>PVE_FINGERPRINT</c>,
/// <c>PVE_OSTEMPLATE</c>, <c>PVE_STORAGE</c>). Containers the suite creates are destroyed at the end.
/// </summary>
internal sealed class ContractEnvironment : IAsyncDisposable
{
    public const string RealServerMissing = "PVE_URL, PVE_TOKEN and PVE_NODE are not set: the real-Proxmox contract cases need a server";
    private readonly List<VmId> created = [];

    private ContractEnvironment(ProxmoxClientOptions options, NodeName node, string template, string storage, ProxmoxSimulator? simulator)
    {
        Options = options;
        Node = node;
        Template = template;
        Storage = storage;
        Simulator = simulator;
        Client = ProxmoxClient.Create(options);
    }

    public ProxmoxClientOptions Options { get; }

    public ProxmoxClient Client { get; }

    public NodeName Node { get; }

    public string Template { get; }

    public string Storage { get; }

    public ProxmoxSimulator? Simulator { get; }

    public static async Task<ContractEnvironment> StartSimulatorAsync(PveVersion version)
    {
        var simulator = await ProxmoxSimulator.StartAsync(
            new SimulatorOptions { UseHttps = true, Version = version, TaskDuration = TimeSpan.FromMilliseconds(30), Random = new Random(441) },
            CancellationToken.None);
        var options = new ProxmoxClientOptions
        {
            BaseUrl = simulator.BaseUrl,
            ApiToken = simulator.Token,
            CertificateFingerprint = simulator.CertificateSha256Fingerprint,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            TaskPollInitialInterval = TimeSpan.FromMilliseconds(20),
            TaskPollMaxInterval = TimeSpan.FromMilliseconds(200),
            TaskTimeout = TimeSpan.FromSeconds(30),
        };
        return new ContractEnvironment(options, new NodeName("pve"), "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "local-lvm", simulator);
    }

    /// <summary>The real server from the environment, or null when it is not configured.</summary>
    public static ContractEnvironment? FromEnvironment()
    {
        var url = Environment.GetEnvironmentVariable("PVE_URL");
        var token = Environment.GetEnvironmentVariable("PVE_TOKEN");
        var node = Environment.GetEnvironmentVariable("PVE_NODE");
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(token) || string.IsNullOrWhiteSpace(node))
        {
            return null;
        }

        var options = new ProxmoxClientOptions
        {
            BaseUrl = new Uri(url),
            ApiToken = token,
            CertificateFingerprint = Environment.GetEnvironmentVariable("PVE_FINGERPRINT"),
            TaskTimeout = TimeSpan.FromMinutes(5),
        };
        return new ContractEnvironment(
            options,
            new NodeName(node),
            Environment.GetEnvironmentVariable("PVE_OSTEMPLATE") ?? "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
            Environment.GetEnvironmentVariable("PVE_STORAGE") ?? "local-lvm",
            null);
    }

    /// <summary>The simulator, or an ignored test: some cases need its fault injector or state seeding.</summary>
    public ProxmoxSimulator RequireSimulator(string why)
    {
        if (Simulator is null)
        {
            Assert.Ignore($"simulator only: {why}");
        }

        return Simulator!;
    }

    public ProxmoxClient CreateClient(Action<ProxmoxClientOptions> configure)
    {
        var options = new ProxmoxClientOptions
        {
            BaseUrl = Options.BaseUrl,
            ApiToken = Options.ApiToken,
            CertificateFingerprint = Options.CertificateFingerprint,
            RetryBaseDelay = Options.RetryBaseDelay,
            TaskPollInitialInterval = Options.TaskPollInitialInterval,
            TaskPollMaxInterval = Options.TaskPollMaxInterval,
            TaskTimeout = Options.TaskTimeout,
        };
        configure(options);
        return ProxmoxClient.Create(options);
    }

    /// <summary>Creates a small stopped container, waits for its task, and remembers it for clean-up.</summary>
    public async Task<VmId> CreateContainerAsync(string hostname, CancellationToken cancellationToken)
    {
        var vmid = await Client.Cluster.GetNextIdAsync(cancellationToken);
        Track(vmid);
        var upid = await Client.Containers.CreateAsync(Node, NewContainer(vmid, hostname), cancellationToken);
        await Client.Tasks.WaitAsync(upid, cancellationToken);
        return vmid;
    }

    public ContainerCreateRequest NewContainer(VmId vmid, string hostname) => new()
    {
        VmId = vmid,
        OsTemplate = Template,
        Hostname = hostname,
        MemoryMiB = 256,
        SwapMiB = 0,
        RootFs = Storage + ":1",
        Unprivileged = true,
        Networks = new Dictionary<int, string> { [0] = "name=eth0,bridge=vmbr0,ip=dhcp" },
        Tags = ["contract"],
    };

    public void Track(VmId vmid)
    {
        lock (created)
        {
            created.Add(vmid);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var cleanup = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            foreach (var vmid in created)
            {
                try
                {
                    await Client.Tasks.WaitAsync(await Client.Containers.DestroyAsync(Node, vmid, cleanup.Token, purge: true, force: true), cleanup.Token);
                }
                catch (ProxmoxException)
                {
                    // Already gone, or never created: either way nothing is left behind.
                }
            }
        }

        Client.Dispose();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}
