using System.Text.Json;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The build that ships (Dockerfile): <c>dotnet publish</c> makes one Native AOT binary, which must do what the JIT
/// build does. The analyzers catch reflection at build time; this catches what they cannot see, such as a type missing
/// from a generated JSON contract, which only fails when it is read.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
internal sealed class NativeAotSandboxTests
{
    // Publishing compiles the whole framework natively: about 3 minutes on two cores, more while other tests run.
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan SandboxLimit = TimeSpan.FromMinutes(2);

    [Test]
    public async Task The_published_native_binary_converges_the_sandbox_once_and_prints_every_unit_Synced_and_Healthy()
    {
        using var folder = new TemporaryFolder();
        var source = folder.File("source");
        Directory.CreateDirectory(source);
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Join(RepositoryRoot.Path, file), Path.Join(source, file));
        }

        // A copy, so the publish never touches the obj folders of the build these tests run from.
        CopyTree(Path.Join(RepositoryRoot.Path, "src"), Path.Join(source, "src"));
        CopyTree(Path.Join(RepositoryRoot.Path, "schema"), Path.Join(source, "schema"));
        var output = folder.File("published");
        using (var publish = ChildProcess.StartProgram("dotnet", source, null,
            "publish", "src/Zentoria.Reconciler/Zentoria.Reconciler.csproj", "-c", "Release", "--use-current-runtime", "-o", output, "-nodeReuse:false"))
        {
            Assert.That(await publish.ExitCodeAsync(PublishLimit), Is.Zero, publish.Output + publish.Error);
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Join(output, "zentoria-reconciler")), Is.True, "the native executable");
            Assert.That(File.Exists(Path.Join(output, "zentoria-reconciler.dll")), Is.False, "no managed assembly: the binary is the whole operator");
        });

        using var sandbox = ChildProcess.StartProgram(Path.Join(output, "zentoria-reconciler"), folder.Path, null,
            "sandbox", "--once", "--json", "--listen", "127.0.0.1:0", "--state-dir", folder.File("state"),
            "--desired-state", Path.Join(RepositoryRoot.Path, "desired-state"));
        var exitCode = await sandbox.ExitCodeAsync(SandboxLimit);

        Assert.That(exitCode, Is.Zero, sandbox.Error);
        using var status = JsonDocument.Parse(sandbox.Output);
        var units = status.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(units.Count(u => u.GetProperty("kind").GetString() == "Container"), Is.EqualTo(7));
            Assert.That(units.Count(u => u.GetProperty("kind").GetString() == "Service"), Is.EqualTo(7));
            foreach (var unit in units)
            {
                Assert.That((unit.GetProperty("sync").GetString(), unit.GetProperty("health").GetString()), Is.EqualTo(("Synced", "Healthy")), unit.ToString());
            }

            var gateway = units.Single(u => u.GetProperty("kind").GetString() == "Service" && u.GetProperty("name").GetString() == "mcp-gateway");
            Assert.That(gateway.GetProperty("rollout").GetProperty("phase").GetString(), Is.EqualTo("Succeeded"), gateway.ToString());
            Assert.That(sandbox.Error, Does.Contain("Found 6 of 7 desired containers"));
        });
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(from, f)))
        {
            var target = Path.Join(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static bool IsBuildOutput(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
