using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>The JSON Schema editors use (schema/desired-state.schema.json) and the loader agree.</summary>
internal sealed partial class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Join(RepositoryRoot.Path, "schema", "desired-state.schema.json"))));

    // The invalid cases a schema can express: one document on its own, before any merge, is wrong.
    private static readonly string[] SchemaExpressibleCases =
    [
        "unknown-key-near-miss", "unknown-key-far", "unknown-top-level-key", "missing-spec",
        "wrong-type-integer", "wrong-type-quoted-number", "wrong-type-number-for-string", "wrong-type-boolean",
        "wrong-type-list", "wrong-type-mapping", "command-not-a-list",
        "missing-kind", "missing-metadata-name", "wrong-api-version", "unknown-kind", "unknown-enum-value", "invalid-document-name",
        "patch-unknown-directive",
        "cores-out-of-range", "memory-too-small", "swap-negative", "disk-too-large", "vmid-out-of-range", "port-out-of-range",
        "retries-below-one", "rollout-out-of-range", "flag-step-out-of-range", "overlay-value-out-of-range",
        "invalid-version", "invalid-image", "image-with-tag", "invalid-cidr", "invalid-gateway", "invalid-duration",
        "invalid-hostname", "invalid-tag", "relative-file-path", "invalid-cron", "invalid-time-zone",
        "proxmox-url-with-credentials", "secret-in-yaml", "token-pasted-into-tokenEnv", "unknown-placeholder", "unbalanced-brace",
        "nginx-relative-upstream-dir", "nginx-unknown-key", "canary-failure-threshold-zero",
    ];

    [Test]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Join(RepositoryRoot.Path, "schema", "desired-state.schema.json")));

        Assert.That(MetaSchemas.Draft202012.Evaluate(schema.RootElement).IsValid, Is.True);
    }

    public static IEnumerable<TestCaseData> ShippedFiles() =>
        Directory.GetFiles(Path.Join(RepositoryRoot.Path, "desired-state"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(ShippedFiles))]
    public void Every_shipped_file_validates_against_the_schema(string file)
    {
        Assert.That(SchemaErrors(Path.Join(RepositoryRoot.Path, file)), Is.Empty);
    }

    [TestCaseSource(nameof(ShippedFiles))]
    public void Every_shipped_file_names_the_schema_by_a_relative_path_that_exists(string file)
    {
        var firstLine = File.ReadLines(Path.Join(RepositoryRoot.Path, file)).First();
        const string Modeline = "# yaml-language-server: $schema=";

        Assert.That(firstLine, Does.StartWith(Modeline));
        var schemaPath = Path.GetFullPath(Path.Join(Path.GetDirectoryName(Path.Join(RepositoryRoot.Path, file)), firstLine[Modeline.Length..]));
        Assert.That(schemaPath, Is.EqualTo(Path.Join(RepositoryRoot.Path, "schema", "desired-state.schema.json")));
    }

    [Test]
    public void The_minimal_corpus_stack_validates_against_the_schema_and_loads()
    {
        var root = Path.Join(DesiredStateFolder.CorpusDirectory, "minimal", "desired-state");
        var files = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories);

        Assert.That(files.SelectMany(SchemaErrors), Is.Empty);
        Assert.That(DesiredStateLoader.Load(root, "test").Errors, Is.Empty);
    }

    [TestCaseSource(nameof(SchemaExpressibleCases))]
    public void The_schema_and_the_loader_reject_the_invalid_case_at_the_same_field(string caseName)
    {
        var caseDirectory = Path.Join(DesiredStateFolder.CorpusDirectory, "invalid", caseName);
        var files = Directory.GetFiles(Path.Join(caseDirectory, "desired-state"), "*.yaml", SearchOption.AllDirectories);
        using var folder = DesiredStateFolder.FromCase(caseDirectory);

        var loaderErrors = DesiredStateLoader.Load(folder.Root, "test").Errors;
        var schemaErrors = files.SelectMany(Evaluate).ToList();
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, schemaErrors));

        Assert.That(loaderErrors, Is.Not.Empty, "the loader accepts it");
        Assert.That(schemaErrors, Is.Not.Empty, "the schema accepts it");
        var loaderField = ToJsonPointer(loaderErrors[0].Path);
        Assert.That(schemaErrors.Select(e => e.Pointer), Has.Some.Matches<string>(p => loaderField == p || loaderField.StartsWith(p + "/", StringComparison.Ordinal)),
            $"the schema finds nothing wrong at or above {loaderField}");
    }

    /// <summary><c>containers[backend].resources.cores</c> as the JSON Pointer of the document: <c>/spec/resources/cores</c>.</summary>
    private static string ToJsonPointer(string loaderPath)
    {
        var path = DocumentPrefix().Replace(loaderPath, "spec.");
        path = Index().Replace(path, ".$1");
        return "/" + path.TrimEnd('.').Replace('.', '/');
    }

    [GeneratedRegex(@"^((containers|services|featureFlags)\[[^\]]+\]|environment)\.?")]
    private static partial Regex DocumentPrefix();

    [GeneratedRegex(@"\[([0-9]+)\]")]
    private static partial Regex Index();

    private static IEnumerable<string> SchemaErrors(string path) => Evaluate(path).Select(e => $"{e.Document}: {e.Pointer}: {e.Message}");

    private static IEnumerable<(SourceLocation Document, string Pointer, string Message)> Evaluate(string path)
    {
        var yaml = YamlReader.Read(path, File.ReadAllText(path));
        Assert.That(yaml.Errors, Is.Empty, $"{path} does not parse");
        foreach (var document in yaml.Documents)
        {
            var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(document));
            var result = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
            // A failed "if" only picks a branch; it is not an error of the document.
            var errors = result.IsValid ? [] : (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
                .SelectMany(d => d.Errors!.Select(e => (document.Location, d.InstanceLocation.ToString(), e.Value)));
            foreach (var error in errors)
            {
                yield return error;
            }
        }
    }
}
