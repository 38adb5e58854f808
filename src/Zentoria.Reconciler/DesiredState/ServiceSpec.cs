using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>A <c>kind: Service</c> document: a program that runs inside a container.</summary>
/// <param name="Image">The image reference, such as <c>ghcr.io/zentoriaai/zentoria-mcp-gateway</c>; null for services not deployed from an image.</param>
/// <param name="Version">The desired version; null means the version is not managed (only health is).</param>
/// <param name="Deploy">The command that installs <c>{version}</c>; required when <paramref name="Version"/> is set.</param>
/// <param name="DeploySettings">The rest of <c>deploy</c>: snapshot, timeout, version command.</param>
internal sealed record ServiceSpec(
    ServiceName Name,
    ContainerName Container,
    string? Image,
    string? Version,
    int Port,
    ImmutableArray<ServiceName> DependsOn,
    CommandTemplate? Deploy,
    DeploySettings DeploySettings,
    HealthSpec Health,
    StrategySpec Strategy,
    MigrationSpec? Migrations,
    RouteSpec? Route,
    DriftPolicy Drift,
    SourceLocation Origin,
    ImmutableArray<SyncWindowSpec> Windows = default)
{
    /// <summary>Deployment windows for this unit alone, on top of the environment's; empty when it has none.</summary>
    public ImmutableArray<SyncWindowSpec> Windows { get; init; } = Windows.IsDefault ? [] : Windows;

    /// <summary>Set on a service that runs NGINX and was given <c>nginx:</c> settings; routes through it otherwise use <see cref="NginxSpec.Default"/>.</summary>
    public NginxSpec? Nginx { get; init; }

    /// <summary>The NGINX settings that routes through this service use.</summary>
    public NginxSpec NginxOrDefault => Nginx ?? NginxSpec.Default;
}
