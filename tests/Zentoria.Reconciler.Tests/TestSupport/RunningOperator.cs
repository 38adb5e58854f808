using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Tests.TestSupport;

/// <summary>
/// The real operator host (real Kestrel on a free loopback port, real state folder in a temporary folder) with
/// a fake clock, collected logs and, optionally, a replaced pass.
/// </summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    public const string Token = "test-token-6f1d2c9e8b7a4f3e";

    private readonly TemporaryFolder folder = new();

    private RunningOperator(Action<OperatorOptions>? configure, Action<IServiceCollection>? configureServices)
    {
        File.WriteAllText(folder.File("token"), Token + "\n");
        Options = new OperatorOptions
        {
            Environment = "sandbox",
            Http = { Port = 0, TokenFile = folder.File("token") },
            State = { Directory = folder.File("state") },
        };
        configure?.Invoke(Options);
        Host = OperatorHost.Build(Options, services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILoggerFactory>(new LoggerFactory([new FakeLoggerProvider(Logs)]));
            configureServices?.Invoke(services);
        });
    }

    public OperatorOptions Options { get; }

    public OperatorHost Host { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs { get; } = new();

    public string StateFolder => folder.File("state");

    public HttpClient Client { get; private set; } = null!;

    public static async Task<RunningOperator> StartAsync(Action<OperatorOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var running = new RunningOperator(configure, configureServices);
        await running.Host.StartAsync();
        running.Client = new HttpClient { BaseAddress = running.Host.Address, Timeout = TimeSpan.FromSeconds(10) };
        return running;
    }

    /// <summary>Builds without starting, for tests of <see cref="OperatorHost.RunAsync"/>.</summary>
    public static RunningOperator Build(Action<OperatorOptions>? configure = null, Action<IServiceCollection>? configureServices = null) =>
        new(configure, configureServices);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await Host.DisposeAsync();
        folder.Dispose();
    }
}
