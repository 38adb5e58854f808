using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Guests.Ssh;

/// <summary>
/// A real OpenSSH sshd on 127.0.0.1 and a free port, with generated ed25519 and RSA host and client keys in a
/// temporary folder. Started the way <c>reference/real-components.md</c> section 2 found to work.
/// </summary>
internal sealed class RealSshd : IDisposable
{
    public const string SshdPath = "/usr/sbin/sshd";
    public const string Host = "127.0.0.1";

    /// <summary>The passphrase of <see cref="EncryptedClientKey"/>.</summary>
    public const string Passphrase = "correct horse battery staple";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly TemporaryFolder folder = new();
    private readonly Process process;
    private readonly Queue<string> log = new();

    private RealSshd(int port, string extraConfig)
    {
        Port = port;
        foreach (var (name, type) in new[] { ("ssh_host_ed25519_key", "ed25519"), ("ssh_host_rsa_key", "rsa"), ("client_ed25519", "ed25519"), ("client_rsa", "rsa"), ("stranger_ed25519", "ed25519") })
        {
            Tool("/usr/bin/ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", File(name));
        }

        Tool("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", Passphrase, "-C", "client_encrypted", "-f", File("client_encrypted"));
        System.IO.File.WriteAllText(
            File("authorized_keys"),
            string.Concat(new[] { "client_ed25519.pub", "client_rsa.pub", "client_encrypted.pub" }.Select(name => System.IO.File.ReadAllText(File(name)))));
        System.IO.File.WriteAllText(File("sshd_config"), $"""
            ListenAddress {Host}
            Port {port}
            HostKey {File("ssh_host_ed25519_key")}
            HostKey {File("ssh_host_rsa_key")}
            PidFile {File("sshd.pid")}
            AuthorizedKeysFile {File("authorized_keys")}
            PermitRootLogin prohibit-password
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            Subsystem sftp internal-sftp
            LogLevel VERBOSE
            MaxSessions 50
            MaxStartups 50:30:100
            {extraConfig}

            """);

        // sshd refuses to start without its privilege separation folder.
        Directory.CreateDirectory("/run/sshd");
        process = Process.Start(new ProcessStartInfo(SshdPath)
        {
            ArgumentList = { "-D", "-e", "-f", File("sshd_config") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;

        // Read continuously: with LogLevel VERBOSE an unread pipe would fill and stall sshd.
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public int Port { get; }

    public string Folder => folder.Path;

    public string ClientEd25519Key => File("client_ed25519");

    public string ClientRsaKey => File("client_rsa");

    /// <summary>An ed25519 key encrypted with <see cref="Passphrase"/>.</summary>
    public string EncryptedClientKey => File("client_encrypted");

    /// <summary>A valid key the server does not know.</summary>
    public string StrangerKey => File("stranger_ed25519");

    public static string User => Environment.UserName;

    public static RealSshd Start() => Start("");

    /// <param name="extraConfig">More sshd_config lines, such as <c>SetEnv PATH=...</c> for the sessions' commands.</param>
    public static RealSshd Start(string extraConfig)
    {
        if (!System.IO.File.Exists(SshdPath))
        {
            Assert.Fail($"{SshdPath} is missing: install the Debian package openssh-server (scripts/test.sh does) to run the SSH integration tests");
        }

        var server = new RealSshd(FreePort(), extraConfig);
        server.WaitUntilListening();
        return server;
    }

    public string File(string name) => Path.Combine(folder.Path, name);

    /// <summary>The server's host key as a known_hosts key field: type and base64 blob.</summary>
    public string HostPublicKey(string type) => string.Join(' ', System.IO.File.ReadAllText(File($"ssh_host_{type}_key.pub")).Split(' ')[..2]);

    /// <summary>What <c>ssh-keygen -l -E sha256</c> prints for the host key, such as <c>SHA256:SdR3Rv6+...</c>.</summary>
    public string HostFingerprint(string type) => Tool("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", File($"ssh_host_{type}_key.pub")).Split(' ')[1];

    /// <summary>The last lines sshd logged, for failure messages.</summary>
    public string Log()
    {
        lock (log)
        {
            return string.Join('\n', log);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
        folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tool(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var tool = Process.Start(start)!;
        var output = tool.StandardOutput.ReadToEnd();
        var error = tool.StandardError.ReadToEnd();
        tool.WaitForExit();
        Assert.That(tool.ExitCode, Is.Zero, $"{path} {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Enqueue(line);
            while (log.Count > 200)
            {
                log.Dequeue();
            }
        }
    }

    private void WaitUntilListening()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                Assert.Fail($"sshd exited with {process.ExitCode} at start: {Log()}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(Host, Port);
                return;
            }
            catch (SocketException)
            {
                Task.Delay(PollInterval, TimeProvider.System).Wait();
            }
        }

        Assert.Fail($"sshd did not accept connections on {Host}:{Port} within {StartTimeout.TotalSeconds} s: {Log()}");
    }
}
