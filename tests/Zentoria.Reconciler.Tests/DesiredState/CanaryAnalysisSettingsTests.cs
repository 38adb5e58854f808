using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>A canary's <c>failureThreshold</c> and <c>analysisWindow</c> load from its strategy, with the seed's defaults.</summary>
internal sealed class CanaryAnalysisSettingsTests
{
    private const string Services = "base/services.yaml";
    private const string MinimalStrategy = "strategy: { type: Canary, cloneVmid: 411, steps: [5, 25, 100], interval: 10m }";

    [Test]
    public void A_canary_takes_its_failure_threshold_and_analysis_window_from_the_strategy_and_defaults_to_1_and_1m()
    {
        using var defaulted = DesiredStateFolder.FromMinimal();
        var services = File.ReadAllText(Path.Join(defaulted.Root, Services));
        Assert.That(services, Does.Contain(MinimalStrategy), "the minimal stack's api is a Canary without either setting");
        using var set = DesiredStateFolder.FromMinimal(new Dictionary<string, string>
        {
            [Services] = services.Replace(MinimalStrategy, "strategy: { type: Canary, cloneVmid: 411, interval: 5m, failureThreshold: 3, analysisWindow: 2m }", StringComparison.Ordinal),
        });

        var (fromDefaults, fromSettings) = (DesiredStateLoader.Load(defaulted.Root, "test"), DesiredStateLoader.Load(set.Root, "test"));

        Assert.That(fromDefaults.Errors.Concat(fromSettings.Errors), Is.Empty);
        var api = new ServiceName("api");
        Assert.That((fromSettings.Desired!.FindService(api)!.Strategy.FailureThreshold, fromSettings.Desired.FindService(api)!.Strategy.AnalysisWindow), Is.EqualTo((3, TimeSpan.FromMinutes(2))));
        Assert.That((fromDefaults.Desired!.FindService(api)!.Strategy.FailureThreshold, fromDefaults.Desired.FindService(api)!.Strategy.AnalysisWindow), Is.EqualTo((1, TimeSpan.FromMinutes(1))));
    }
}
