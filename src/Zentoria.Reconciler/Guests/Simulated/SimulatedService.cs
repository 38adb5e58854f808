using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>
/// One service inside a simulated guest: the version it runs and how its health endpoint answers. The sandbox's
/// deploy command switches <see cref="Version"/>; a version marked broken answers 500, as a release that does not
/// start would.
/// </summary>
/// <remarks>Thread-safe: the HTTP endpoint reads while the guest shell's deploy command writes.</remarks>
internal sealed class SimulatedService(string name, string container, string? image, string healthPath, string? version)
{
    private ConcurrentDictionary<string, bool> broken = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, int> breaksAfter = new(StringComparer.Ordinal);
    private string? current = version;

    public string Name { get; } = name;

    /// <summary>The container (by its document name) the service runs in.</summary>
    public string Container { get; } = container;

    public string? Image { get; } = image;

    public string HealthPath { get; } = healthPath;

    public string? Version
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, value);
    }

    /// <summary>Where the service answers once <see cref="SimulatedServiceHost"/> has bound it; null before.</summary>
    public ServiceEndpoint? Endpoint { get; internal set; }

    /// <summary>Whether the container runs now; a service whose container is stopped or gone does not answer.</summary>
    public Func<bool> Answers { get; set; } = static () => true;

    /// <summary>What answers paths other than <see cref="HealthPath"/> (the sandbox's NGINX proxies them); null answers 404.</summary>
    public Func<HttpContext, Task>? OtherPaths { get; set; }

    /// <summary>
    /// The same service in another container (a temporary clone): its own version, no version until the clone is
    /// made, and the same releases broken, because a broken release fails wherever it runs.
    /// </summary>
    public SimulatedService In(string otherContainer) => new(Name, otherContainer, Image, HealthPath, null) { broken = broken, breaksAfter = breaksAfter };

    /// <summary>Makes <paramref name="release"/> fail its health checks whenever it runs.</summary>
    public void MarkBroken(string release) => broken[release] = true;

    /// <summary>
    /// Makes <paramref name="release"/> answer healthily <paramref name="healthyAnswers"/> times, then fail for good: a
    /// release that starts and then falls over, which passes the check before traffic and fails a canary's analysis.
    /// </summary>
    public void MarkBrokenAfter(string release, int healthyAnswers) => breaksAfter[release] = healthyAnswers;

    public void MarkFixed(string release) => broken.TryRemove(release, out _);

    public bool IsBroken(string? release) => release is not null && broken.ContainsKey(release);

    /// <summary>What <c>GET <see cref="HealthPath"/></c> answers now, like the seed's <c>/health</c>.</summary>
    public (int Status, string Body) HealthAnswer()
    {
        var running = Version;
        var healthy = !IsBroken(running) && !FellOver(running);
        var body = new Dictionary<string, string> { ["status"] = healthy ? "ok" : "error" };
        if (running is not null)
        {
            body["version"] = running;
        }

        return (healthy ? 200 : 500, JsonSerializer.Serialize(body, SimulatedJsonContext.Default.DictionaryStringString));
    }

    private bool FellOver(string? release)
    {
        if (release is null || !breaksAfter.TryGetValue(release, out var left))
        {
            return false;
        }

        if (left <= 0)
        {
            return true;
        }

        breaksAfter.TryUpdate(release, left - 1, left);
        return false;
    }
}
