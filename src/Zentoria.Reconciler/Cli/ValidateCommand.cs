using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.Cli;

/// <summary><c>validate</c>: load one environment's desired state and print everything wrong with it.</summary>
internal static class ValidateCommand
{
    public const string DefaultDesiredState = "desired-state";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Create()
    {
        var environment = new Option<string>("--env")
        {
            Description = "The environment to check: a folder under <desired-state>/environments, such as production, staging or sandbox.",
            HelpName = "name",
            Required = true,
        };
        var desiredState = new Option<string>("--desired-state")
        {
            Description = "The desired-state folder, holding base/ and environments/<name>/.",
            HelpName = "path",
            DefaultValueFactory = _ => DefaultDesiredState,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the errors to standard output as a JSON array of {file, line, column, path, message} ([] when valid).",
        };

        var command = new Command(
            "validate",
            """
            Check the desired state of one environment without touching anything.

            The desired state is YAML: base/ describes the whole stack (containers, services, feature flags) and
            environments/<name>/ adds or overrides what differs in that environment (Proxmox endpoint, addresses,
            versions). validate merges the two, checks every field, reference and rule, and prints each problem
            as file:line:column: field: message, all of them at once.

            Exit codes: 0 valid (a one-line summary is printed), 1 invalid (every error is printed to standard error).
            Examples: zentoria-reconciler validate --env sandbox
                      zentoria-reconciler validate --env production --desired-state ../infra/desired-state --json
            The format of every field is described in docs/desired-state.md.
            """)
        {
            environment,
            desiredState,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(desiredState) ?? DefaultDesiredState,
            parseResult.GetValue(environment)!,
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string desiredStateRoot, string environment, bool json, TextWriter output, TextWriter error)
    {
        var result = DesiredStateLoader.Load(desiredStateRoot, environment);
        if (json)
        {
            output.WriteLine(new JsonArray([.. result.Errors.Select(ToJson)]).ToJsonString(JsonOptions));
        }
        else if (!result.IsValid)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Errors.Length} error{(result.Errors.Length == 1 ? "" : "s")} in the desired state of '{environment}'"));
        }
        else
        {
            var desired = result.Desired;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{environment}: valid; {result.DocumentCount} documents, {desired.Containers.Length} containers, {desired.Services.Length} services, " +
                $"{desired.FeatureFlags.Sum(f => f.Flags.Length)} flags, revision {desired.Revision}"));
        }

        return result.IsValid ? ExitCodes.Ok : ExitCodes.Error;
    }

    private static JsonObject ToJson(ValidationError e) => new()
    {
        ["file"] = e.Location.File,
        ["line"] = e.Location.Line,
        ["column"] = e.Location.Column,
        ["path"] = e.Path,
        ["message"] = e.Message,
    };
}
