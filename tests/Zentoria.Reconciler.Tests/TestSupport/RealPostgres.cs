using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// A real PostgreSQL server in a temporary data folder, on 127.0.0.1 and a free port, with trust authentication
/// for the <c>postgres</c> user. Started the way <c>reference/real-components.md</c> section 6 found to work:
/// initdb refuses root, so as root the server runs as the <c>postgres</c> system user through <c>runuser</c>.
/// </summary>
internal sealed class RealPostgres : IDisposable
{
    public const string Host = "127.0.0.1";
    public const string User = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryFolder folder = new();
    private readonly string bin;
    private bool stopped;

    private RealPostgres(string bin, int port)
    {
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>A folder every user can write to, for dump files and SQL the tests hand to commands.</summary>
    public string Scratch => folder.File("scratch");

    private string DataFolder => folder.File("data");

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>Starts a server, or skips the test (fails under CI) when PostgreSQL is not installed.</summary>
    public static RealPostgres Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Join(v, "bin")).Where(b => File.Exists(Path.Join(b, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null || !File.Exists("/usr/bin/psql") || !File.Exists("/usr/bin/pg_dump"))
        {
            RequiredBinary.Missing("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb, psql, pg_dump): install the Debian package postgresql to run the migration tests");
        }

        var server = new RealPostgres(bin!, FreePort());
        try
        {
            server.Initialise();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The connection options every client command takes, such as <c>psql</c>'s.</summary>
    public string[] ClientArguments => ["-h", Host, "-p", PortText, "-U", User];

    public void CreateDatabase(string name) => Psql("postgres", $"CREATE DATABASE {name};");

    /// <summary>Runs SQL through a real psql and returns its unaligned, tuples-only output.</summary>
    public string Psql(string database, string sql)
    {
        var (code, output, error) = Run("/usr/bin/psql", [.. ClientArguments, "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-c", sql]);
        Assert.That(code, Is.Zero, $"psql failed on '{sql}': {error}");
        return output.Trim();
    }

    public void Dispose()
    {
        if (!stopped && Directory.Exists(DataFolder))
        {
            stopped = true;
            AsPostgres(Path.Join(bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        folder.Dispose();
    }

    private void Initialise()
    {
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(Scratch);
        Expect(Run("/usr/bin/chmod", ["1777", Scratch]), "chmod");
        if (AsRoot)
        {
            Expect(Run("/usr/bin/chown", ["-R", "postgres:postgres", DataFolder]), "chown");
        }

        Expect(AsPostgres(Path.Join(bin, "initdb"), "-D", DataFolder, "-U", User, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"), "initdb");
        var options = $"-c listen_addresses={Host} -p {PortText} -k {DataFolder} -c fsync=off";
        Expect(AsPostgres(Path.Join(bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Join(DataFolder, "server.log"), "-w", "-t", "60", "-o", options, "start"), "pg_ctl start");
    }

    private static void Expect((int Code, string Output, string Error) run, string what) =>
        Assert.That(run.Code, Is.Zero, $"{what} failed: {run.Error}{run.Output}");

    private static (int Code, string Output, string Error) AsPostgres(string program, params string[] arguments) =>
        AsRoot ? Run("/usr/sbin/runuser", ["-u", "postgres", "--", program, .. arguments]) : Run(program, arguments);

    private static (int Code, string Output, string Error) Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
