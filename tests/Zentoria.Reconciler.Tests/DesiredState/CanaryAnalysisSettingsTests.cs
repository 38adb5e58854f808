using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>A canary's <c>failureThreshold</c> and <c>analysisWindow</c> load from its strategy, with the seed's defaults.</summary>
internal sealed class CanaryAnalysisSettingsTests
{
    private const string Services = """
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: postgres }
        spec: { container: postgres, port: 5432, health: { type: tcp } }
        ---
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: nginx }
        spec: { container: nginx, port: 80, health: { type: tcp } }
        ---
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: api }
        spec:
          container: backend
          port: 3000
          strategy: { type: Canary, cloneVmid: 411, interval: 5m, failureThreshold: 3, analysisWindow: 2m }
          route: { proxy: nginx, upstream: backend }
        ---
        apiVersion: zentoria.ai/v1
        kind: Service
        metadata: { name: admin }
        spec:
          container: backend
          port: 3001
          strategy: { type: Canary, cloneVmid: 412 }
          route: { proxy: nginx, upstream: admin }
        """;

    [Test]
    public void A_canary_takes_its_failure_threshold_and_analysis_window_from_the_strategy_and_defaults_to_1_and_1m()
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string> { ["base/services.yaml"] = Services });

        var load = DesiredStateLoader.Load(folder.Root, "test");

        Assert.That(load.Errors, Is.Empty);
        var set = load.Desired!.FindService(new ServiceName("api"))!.Strategy;
        var defaulted = load.Desired.FindService(new ServiceName("admin"))!.Strategy;
        Assert.That((set.FailureThreshold, set.AnalysisWindow), Is.EqualTo((3, TimeSpan.FromMinutes(2))));
        Assert.That((defaulted.FailureThreshold, defaulted.AnalysisWindow), Is.EqualTo((1, TimeSpan.FromMinutes(1))));
    }
}
