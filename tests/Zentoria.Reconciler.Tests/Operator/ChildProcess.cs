using System.Diagnostics;
using System.Text;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary><c>zentoria-reconciler</c> as a child process (the build next to the tests), its output collected.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public int Id => process.Id;

    /// <summary>
    /// The operator as a child: the JIT build next to the tests, or the published binary that
    /// <c>ZENTORIA_TEST_NATIVE</c> names, so the child-process tests can check the Native AOT build that ships.
    /// </summary>
    public static ChildProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        Environment.GetEnvironmentVariable("ZENTORIA_TEST_NATIVE") is { } native
            ? StartProgram(native, workingDirectory, environment, arguments)
            : StartProgram("dotnet", workingDirectory, environment, [Path.Join(TestContext.CurrentContext.TestDirectory, "zentoria-reconciler.dll"), .. arguments]);

    /// <summary>Any program, such as a published native build or <c>dotnet publish</c>.</summary>
    /// <param name="environment">Variables to set; a null value removes one the child would otherwise inherit.</param>
    public static ChildProcess StartProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => Append(child.output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child.error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the exit; a child still running after <paramref name="timeout"/> is killed and fails the test.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"The child did not exit within {timeout}. Output:\n{Output}\nErrors:\n{Error}");
        }

        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling, for at most <paramref name="timeout"/>.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }

        return true;
    }

    /// <summary>SIGINT, as Ctrl+C in a terminal sends.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer would.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}
