using System.CommandLine;
using System.Net;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.Scenarios;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>zentoria-reconciler simulator</c>: the Proxmox VE API simulator alone, for trying clients against it.</summary>
internal static class SimulatorCommand
{
    public const int Ok = 0;
    public const int BadInput = 1;

    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Loopback address and port to serve on, e.g. 127.0.0.1:8006 or [::1]:8006. Port 0 picks a free one. Only loopback is allowed.",
            DefaultValueFactory = _ => "127.0.0.1:8006",
        };
        var token = new Option<string?>("--token")
        {
            Description = "The API token clients must send, as USER@REALM!TOKENID=SECRET. Default: root@pam!zentoria= and a random secret (printed at start).",
        };
        var https = new Option<bool>("--https")
        {
            Description = "Serve HTTPS with a freshly generated self-signed certificate, like a Proxmox node; its SHA-256 fingerprint is printed for pinning.",
        };
        var pveVersion = new Option<string?>("--pve-version")
        {
            Description = "Behave like Proxmox VE 9.1 (default) or 8.1 (no 'message' in error bodies, vmid as a string in the container list).",
        };
        var scenario = new Option<FileInfo?>("--scenario")
        {
            Description = "A YAML or JSON file with nodes, containers, tokens and faults to start with. Without it: one node 'pve', storages local and local-lvm, the Debian 12 template, no containers.",
        };
        var taskDuration = new Option<string?>("--task-duration")
        {
            Description = "How long each task (start, stop, create, snapshot, ...) runs, e.g. 500ms or 2s. Default 1s.",
        };

        var command = new Command("simulator", "Run a simulated Proxmox VE API on this machine's loopback interface until Ctrl+C. It speaks the same JSON, status codes and error texts as a real node, keeps state in memory, and can inject faults from a scenario file.")
        {
            listen, token, https, pveVersion, scenario, taskDuration,
        };
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var options = BuildOptions(
                    parseResult.GetValue(listen)!,
                    parseResult.GetValue(token),
                    parseResult.GetValue(https),
                    parseResult.GetValue(pveVersion),
                    parseResult.GetValue(scenario),
                    parseResult.GetValue(taskDuration));
                await using var simulator = await ProxmoxSimulator.StartAsync(options, cancellationToken);
                await output.WriteLineAsync($"Proxmox VE {simulator.Version.Release()} simulator listening on {simulator.BaseUrl}");
                await output.WriteLineAsync($"API token:     {simulator.Token}");
                await output.WriteLineAsync($"root@pam password: {simulator.RootPassword}");
                if (simulator.CertificateSha256Fingerprint is { } fingerprint)
                {
                    await output.WriteLineAsync($"Certificate SHA-256 fingerprint: {fingerprint}");
                }

                await output.WriteLineAsync("Press Ctrl+C to stop.");
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C is the normal way to stop.
                }

                return Ok;
            }
            catch (SimulatorConfigurationException exception)
            {
                await error.WriteLineAsync("error: " + exception.Message);
                return BadInput;
            }
        });
        return command;
    }

    internal static SimulatorOptions BuildOptions(string listen, string? token, bool https, string? pveVersion, FileInfo? scenarioFile, string? taskDuration)
    {
        var endpoint = ParseListen(listen);
        var scenario = scenarioFile is null ? null : ScenarioLoader.Load(scenarioFile.FullName);
        if (scenario is not null && pveVersion is not null)
        {
            // The flag wins over the file.
            scenario.PveVersion = null;
        }

        var options = new SimulatorOptions
        {
            ListenAddress = endpoint.Address,
            Port = endpoint.Port,
            UseHttps = https,
            Token = token,
            Version = pveVersion is null ? PveVersion.V9_1 : PveVersions.Parse(pveVersion),
            TaskDuration = taskDuration is null ? TimeSpan.FromSeconds(1) : Duration.Parse(taskDuration, "--task-duration"),
            Scenario = scenario,
        };
        options.Validate();
        return options;
    }

    private static IPEndPoint ParseListen(string text)
    {
        var value = text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + text[9..] : text;
        if (!IPEndPoint.TryParse(value, out var endpoint) || !value.Contains(':', StringComparison.Ordinal) || (endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !value.Contains(']', StringComparison.Ordinal)))
        {
            throw new SimulatorConfigurationException($"--listen '{text}' is not ADDRESS:PORT (for example 127.0.0.1:8006 or [::1]:8006)");
        }

        return endpoint;
    }
}
