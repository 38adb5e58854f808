using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// <c>POST /nodes/{node}/lxc</c>. Set <see cref="Unprivileged"/> explicitly: its default flipped from 0 to 1 in
/// PVE 9.0. <see cref="Password"/> is a <see cref="SecretString"/>, so printing the request never shows it.
/// </summary>
internal sealed record ContainerCreateRequest
{
    public required VmId VmId { get; init; }

    /// <summary>A template volume, such as <c>local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst</c>.</summary>
    public required string OsTemplate { get; init; }

    public string? Hostname { get; init; }

    public int? Cores { get; init; }

    public int? MemoryMiB { get; init; }

    public int? SwapMiB { get; init; }

    /// <summary><c>STORAGE:SIZE_GiB</c> for a new volume, such as <c>local-lvm:8</c>.</summary>
    public string? RootFs { get; init; }

    public string? Storage { get; init; }

    /// <summary><c>net[n]</c> property strings by index, such as <c>name=eth0,bridge=vmbr0,ip=dhcp</c>.</summary>
    public IReadOnlyDictionary<int, string> Networks { get; init; } = new Dictionary<int, string>();

    public bool? Unprivileged { get; init; }

    public bool? OnBoot { get; init; }

    /// <summary>Start the container inside the create task.</summary>
    public bool Start { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Features { get; init; }

    public string? Nameserver { get; init; }

    public string? SearchDomain { get; init; }

    public string? Description { get; init; }

    public string? Pool { get; init; }

    /// <summary>Newline-separated OpenSSH public keys for root.</summary>
    public string? SshPublicKeys { get; init; }

    public SecretString? Password { get; init; }

    internal FormParameters ToParameters()
    {
        var parameters = new FormParameters()
            .Add("vmid", VmId.Value)
            .Add("ostemplate", OsTemplate)
            .Add("hostname", Hostname)
            .Add("cores", Cores)
            .Add("memory", MemoryMiB)
            .Add("swap", SwapMiB)
            .Add("rootfs", RootFs)
            .Add("storage", Storage)
            .Add("unprivileged", Unprivileged)
            .Add("onboot", OnBoot)
            .Add("start", Start ? true : null)
            .Add("tags", Tags.Count > 0 ? string.Join(';', Tags) : null)
            .Add("features", Features)
            .Add("nameserver", Nameserver)
            .Add("searchdomain", SearchDomain)
            .Add("description", Description)
            .Add("pool", Pool)
            .Add("ssh-public-keys", SshPublicKeys)
            .Add("password", Password?.Reveal());
        foreach (var (index, value) in Networks.OrderBy(n => n.Key))
        {
            parameters.Add($"net{index}", value);
        }

        return parameters;
    }
}
