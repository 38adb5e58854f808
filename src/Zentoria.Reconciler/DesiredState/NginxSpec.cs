using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>
/// How the operator drives the NGINX a service runs: the folder of the upstream files it owns (NGINX's <c>http</c>
/// block must <c>include</c> <c>{UpstreamDir}/*.conf</c>), and the commands that check and reload the configuration.
/// </summary>
/// <param name="UpstreamDir">An absolute folder inside the proxy's container.</param>
/// <param name="Test">Checks the whole configuration; exit 0 means valid (<c>nginx -t</c>).</param>
/// <param name="Reload">Makes NGINX load it; old workers finish their requests (<c>nginx -s reload</c>).</param>
internal sealed record NginxSpec(string UpstreamDir, CommandTemplate Test, CommandTemplate Reload)
{
    public const string DefaultUpstreamDir = "/etc/nginx/zentoria";

    public static readonly NginxSpec Default = new(DefaultUpstreamDir, new(["nginx", "-t"]), new(["nginx", "-s", "reload"]));

    /// <summary>The placeholders the test and reload commands may use: the proxy service, its container, the upstream file.</summary>
    public static readonly ImmutableArray<string> Placeholders = ["service", "container", "file"];

    /// <summary>The file a route owns: its own <c>file</c>, or <c>{UpstreamDir}/{upstream}.conf</c>.</summary>
    public string FileFor(RouteSpec route) => route.File ?? $"{UpstreamDir.TrimEnd('/')}/{route.Upstream}.conf";
}
