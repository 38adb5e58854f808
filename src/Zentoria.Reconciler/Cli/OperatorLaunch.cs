using System.Globalization;
using System.Net;
using Zentoria.Reconciler.DesiredState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Ssh;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Cli;

/// <summary>What <c>run</c>, <c>apply</c> and <c>sandbox</c> share: loading the desired state at start, the Proxmox endpoint, the listen address.</summary>
internal static class OperatorLaunch
{
    public const string DefaultListen = "127.0.0.1:9464";

    /// <summary>The valid desired state, or null after printing every error and a summary line.</summary>
    public static Desired? LoadDesired(string root, string environment, TextWriter error)
    {
        var result = DesiredStateLoader.Load(root, environment);
        if (result.IsValid)
        {
            return result.Desired;
        }

        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.ToString());
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"error: {result.Errors.Length} error{(result.Errors.Length == 1 ? "" : "s")} in the desired state of '{environment}'; the operator did not start"));
        return null;
    }

    /// <summary>
    /// The valid desired state from <paramref name="source"/>, or null after printing why not. A git source is
    /// fetched once into the state folder first (the operator keeps fetching from there); its revision is the commit SHA.
    /// </summary>
    public static async Task<Desired?> LoadDesiredAsync(SourceOptions source, string environment, string? stateDirectory, TextWriter error, CancellationToken cancellationToken)
    {
        if (source.Kind == SourceKind.Folder)
        {
            return LoadDesired(source.Folder ?? ValidateCommand.DefaultDesiredState, environment, error);
        }

        var state = StateFolder.Open(stateDirectory, environment, System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
        var git = DesiredStateSources.Create(source, environment, state, TimeProvider.System, new SecretRedactor(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, out var problem);
        if (git is null)
        {
            await error.WriteLineAsync($"error: the git source cannot work: {problem}");
            return null;
        }

        var fetched = await git.FetchAsync(cancellationToken);
        SourceSnapshot snapshot;
        if (fetched.Succeeded)
        {
            snapshot = fetched.Snapshot;
        }
        else
        {
            if (git.LastApplied is not { } last)
            {
                await error.WriteLineAsync($"error: fetching the desired state from {git.Description} failed ({fetched.Failure.Kind}): {fetched.Failure.Message}");
                return null;
            }

            // What the operator enforced before it stopped is still the best desired state there is.
            await error.WriteLineAsync($"warning: fetching the desired state from {git.Description} failed ({fetched.Failure.Kind}): {fetched.Failure.Message}; " +
                $"starting with revision {last.Revision}, the one in force before, and fetching again on the poll interval");
            snapshot = last;
        }

        var desired = LoadDesired(snapshot.Path, environment, error);
        return desired is null ? null : desired with { Revision = snapshot.Revision };
    }

    /// <summary>The client options for the environment's endpoint with the token from its file or variable; null and a message when it cannot be had.</summary>
    public static ProxmoxClientOptions? Endpoint(ProxmoxEndpointSpec endpoint, Func<string, string?> variable, out string? problem)
    {
        string? token;
        if (endpoint.TokenFile is { } file)
        {
            if (!File.Exists(file))
            {
                problem = $"the Proxmox token file '{file}' does not exist";
                return null;
            }

            token = File.ReadAllText(file).Trim();
        }
        else if (endpoint.TokenEnv is { } name)
        {
            token = variable(name)?.Trim();
            if (string.IsNullOrEmpty(token))
            {
                problem = $"the environment variable {name} holding the Proxmox API token is not set";
                return null;
            }
        }
        else
        {
            problem = "the environment names neither proxmox.tokenFile nor proxmox.tokenEnv";
            return null;
        }

        if (!ProxmoxApiToken.TryParse(token, out _, out var tokenProblem))
        {
            problem = tokenProblem;
            return null;
        }

        problem = null;
        return new ProxmoxClientOptions
        {
            BaseUrl = new Uri(endpoint.Url),
            ApiToken = token,
            CertificateFingerprint = endpoint.Fingerprint,
            SkipCertificateVerification = endpoint.InsecureSkipVerify,
        };
    }

    /// <summary>
    /// The SSH guest shells an environment's <c>guests</c> settings describe, made once the operator's state folder
    /// exists (trust on first use records keys there); null without <c>guests</c>, or with a message when the
    /// settings cannot work (a missing key file, say).
    /// </summary>
    public static Func<IServiceProvider, IGuestShellProvider>? Guests(EnvironmentSpec environment, out string? problem)
    {
        problem = null;
        if (environment.Guests is not { } access)
        {
            return null;
        }

        var check = new SshGuestOptionsValidator().Validate(null, SshGuestOptions.From(access, null));
        problem = !File.Exists(access.KeyFile) ? $"the SSH key file '{access.KeyFile}' (guests.keyFile) does not exist"
            : access.KnownHostsFile is { } known && !File.Exists(known) ? $"the known_hosts file '{known}' (guests.knownHostsFile) does not exist"
            : check.Failed ? $"guests: {check.FailureMessage}"
            : null;
        return problem is not null ? null : services => SshGuestShellProvider.Create(
            environment,
            SshGuestShellProvider.OptionsFor(access, services.GetRequiredService<StateFolder>()),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>Parses <c>ADDRESS:PORT</c> for the operator's HTTP endpoint.</summary>
    public static bool TryListen(string text, out string address, out int port)
    {
        var value = text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" + text[9..] : text;
        if (IPEndPoint.TryParse(value, out var endpoint) && value.Contains(':', StringComparison.Ordinal))
        {
            (address, port) = (endpoint.Address.ToString(), endpoint.Port);
            return true;
        }

        (address, port) = ("", 0);
        return false;
    }

    public static OperatorOptions Options(string environment, LogFormat logFormat, string address, int port, string? stateDirectory) => new()
    {
        Environment = environment,
        LogFormat = logFormat,
        Http = { Address = address, Port = port },
        State = { Directory = stateDirectory },
    };

    /// <summary>Sets the notification targets from <c>--notify-file</c>; false after printing why the file cannot be used.</summary>
    public static async Task<bool> TryNotificationsAsync(OperatorOptions options, string? file, TextWriter error)
    {
        if (file is null)
        {
            return true;
        }

        if (Notifications.NotificationTargetsFile.Read(file, out var problem) is not { } targets)
        {
            await error.WriteLineAsync($"error: {problem}");
            return false;
        }

        options.Notifications.Webhooks = targets;
        return true;
    }

    /// <summary><see cref="Options(string, LogFormat, string, int, string?)"/> with the desired-state source and the API token's file and name.</summary>
    public static OperatorOptions Options(string environment, LogFormat logFormat, string address, int port, string? stateDirectory,
        SourceOptions source, string? tokenFile, string? tokenName)
    {
        var options = Options(environment, logFormat, address, port, stateDirectory);
        options.Source = source;
        options.Http.TokenFile = tokenFile;
        options.Http.TokenName = tokenName;
        return options;
    }
}
