using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Hosting;

[Category("Integration")]
internal sealed class OperatorHostTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Test]
    public async Task A_crashed_background_service_makes_the_process_exit_non_zero()
    {
        await using var op = RunningOperator.Build(configureServices: services => services.AddHostedService<CrashingService>());

        var exitCode = await op.Host.RunAsync().WaitAsync(Guard);

        Assert.That(exitCode, Is.EqualTo(OperatorExitCodes.Crashed));
        Assert.That(op.Logs.GetSnapshot().Any(r => r.Level == LogLevel.Critical && r.Message.Contains(nameof(CrashingService), StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task A_requested_stop_exits_zero()
    {
        await using var op = RunningOperator.Build();
        using var stop = new CancellationTokenSource();

        var running = op.Host.RunAsync(stop.Token);
        await stop.CancelAsync();

        Assert.That(await running.WaitAsync(Guard), Is.EqualTo(OperatorExitCodes.Stopped));
    }

    [Test]
    public async Task A_non_loopback_address_is_refused_at_start_with_exit_code_1()
    {
        await using var op = RunningOperator.Build(o => o.Http.Address = "0.0.0.0");

        var exitCode = await op.Host.RunAsync().WaitAsync(Guard);

        Assert.That(exitCode, Is.EqualTo(OperatorExitCodes.StartFailed));
        Assert.That(op.Logs.GetSnapshot().Single(r => r.Level == LogLevel.Critical).Message, Does.Contain("Http.Address (0.0.0.0) is not a loopback address"));
    }

    [Test]
    public async Task A_missing_token_file_is_refused_at_start()
    {
        await using var op = RunningOperator.Build(o => o.Http.TokenFile = "/nonexistent/zentoria-token");

        Assert.That(await op.Host.RunAsync().WaitAsync(Guard), Is.EqualTo(OperatorExitCodes.StartFailed));
    }

    [Test]
    public async Task A_damaged_journal_is_refused_at_start()
    {
        await using var op = RunningOperator.Build();
        Directory.CreateDirectory(op.StateFolder);
        await File.WriteAllTextAsync(Path.Combine(op.StateFolder, "journal.json"), "{\"version\":1,\"entr");

        Assert.That(await op.Host.RunAsync().WaitAsync(Guard), Is.EqualTo(OperatorExitCodes.StartFailed));
        Assert.That(op.Logs.GetSnapshot().Any(r => r.Level == LogLevel.Critical && r.Exception is InvalidDataException), Is.True);
    }

    [Test]
    public async Task The_state_folder_is_created_at_start()
    {
        await using var op = await RunningOperator.StartAsync();

        Assert.That(Directory.Exists(op.StateFolder), Is.True);
    }

    private sealed class CrashingService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            throw new InvalidOperationException("crashed on purpose");
    }
}
