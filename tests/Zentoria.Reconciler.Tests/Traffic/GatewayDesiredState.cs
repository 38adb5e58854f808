using System.Runtime.Versioning;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Tests.Guests.Ssh;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// Turns a copy of the repository's sandbox desired state into the backend behind a real NGINX: only the services
/// <c>nginx</c> (its upstream folder and commands those of <see cref="RealNginx"/>) and <c>mcp-gateway</c> (deployed
/// by <see cref="GuestBackends"/>, health checked once), guests over the test sshd in <c>pct</c> mode, no flags.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class GatewayDesiredState
{
    public const string Image = "ghcr.io/zentoriaai/zentoria-mcp-gateway";

    /// <summary>A canary step's interval: short, because the fake clock passes it, while Prometheus scrapes on real time.</summary>
    public static readonly TimeSpan CanaryInterval = TimeSpan.FromSeconds(30);

    /// <param name="prometheus">The Prometheus the canary's analysis queries (<c>analysis.prometheus</c>); null for health only.</param>
    public static void Apply(string root, RealNginx nginx, GuestBackends backends, RealSshd sshd, StrategyKind strategy, string version, Uri? prometheus = null)
    {
        File.Delete(Path.Join(root, "base", "feature-flags.yaml"));
        File.WriteAllText(Path.Join(root, "base", "services.yaml"), Services(nginx, backends, strategy, version));

        // The sandbox overlay keeps its container addresses; its service documents named services that are gone.
        var stack = Path.Join(root, "environments", "sandbox", "stack.yaml");
        var text = File.ReadAllText(stack);
        File.WriteAllText(stack, text[..text.LastIndexOf("---\n", text.IndexOf("kind: Service", StringComparison.Ordinal), StringComparison.Ordinal)]);

        var environment = Path.Join(root, "environments", "sandbox", "environment.yaml");
        var analysis = prometheus is null ? "" : $"  analysis: {{ prometheus: {Quoted(prometheus.ToString())} }}\n";
        File.WriteAllText(environment, File.ReadAllText(environment).Replace(
            "  prune: false",
            $"  guests: {{ mode: pct, user: {RealSshd.User}, port: {sshd.Port}, keyFile: {sshd.ClientEd25519Key}, hostKeyFingerprint: \"{sshd.HostFingerprint("ed25519")}\" }}\n{analysis}  prune: false",
            StringComparison.Ordinal));
    }

    /// <summary>Changes the version of <c>mcp-gateway</c> in an applied desired state: the release a test starts.</summary>
    public static void Release(string root, string from, string to)
    {
        var services = Path.Join(root, "base", "services.yaml");
        File.WriteAllText(services, File.ReadAllText(services).Replace($"version: {from}\n", $"version: {to}\n", StringComparison.Ordinal));
    }

    private static string Services(RealNginx nginx, GuestBackends backends, StrategyKind strategy, string version)
    {
        var clone = $"cloneVmid: {GuestBackends.Clone}, cloneIp: {GuestBackends.Addresses[GuestBackends.Clone]}/8";
        var strategyLine = strategy switch
        {
            StrategyKind.BlueGreen => $"{{ type: BlueGreen, {clone} }}",
            StrategyKind.Canary => $"{{ type: Canary, {clone}, steps: [5, 25, 100], interval: {((int)CanaryInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)}s }}",
            _ => "{ type: Rolling }",
        };
        return $$"""
            apiVersion: zentoria.ai/v1
            kind: Service
            metadata: { name: nginx }
            spec:
              container: nginx
              port: 80
              health: { type: tcp, retries: 1, interval: 2s, timeout: 1s }
              nginx:
                upstreamDir: {{Quoted(nginx.UpstreamDir)}}
                test: { command: {{List(nginx.Spec.Test)}} }
                reload: { command: {{List(nginx.ReloadAndWait)}} }
            ---
            apiVersion: zentoria.ai/v1
            kind: Service
            metadata: { name: {{GuestBackends.Service}} }
            spec:
              container: backend
              image: {{Image}}
              version: {{version}}
              port: {{backends.Port}}
              deploy: { command: [{{Quoted(backends.DeployScript)}}, "{image}", "{version}"] }
              health: { type: http, path: /health, expectVersion: true, retries: 1, interval: 2s, timeout: 1s }
              strategy: {{strategyLine}}
              route: { proxy: nginx, upstream: {{RealNginx.Upstream}} }

            """;
    }

    private static string List(CommandTemplate command) => "[" + string.Join(", ", command.Arguments.Select(Quoted)) + "]";

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
