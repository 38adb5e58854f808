using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Tests.Simulator;

/// <summary>
/// A running simulator on a free loopback port with a fake clock, and a raw HTTP client that sends its
/// token. Tasks finish only when a test advances <see cref="Time"/>.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public static readonly TimeSpan TaskDuration = TimeSpan.FromSeconds(2);

    private SimulatorHarness(ProxmoxSimulator simulator, FakeTimeProvider time, HttpClient http)
    {
        Simulator = simulator;
        Time = time;
        Http = http;
    }

    public ProxmoxSimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Base address is the API root; every request carries the simulator's token.</summary>
    public HttpClient Http { get; }

    public static async Task<SimulatorHarness> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null, bool withToken = true)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new SimulatorOptions { TimeProvider = time, TaskDuration = TaskDuration, Random = new Random(7) };
        options = configure?.Invoke(options) ?? options;
        var simulator = await ProxmoxSimulator.StartAsync(options, CancellationToken.None);
        var handler = new SocketsHttpHandler { UseCookies = false };
        if (simulator.CertificateSha256Fingerprint is { } pinned)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && Fingerprint(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)) == pinned;
        }

        var http = new HttpClient(handler) { BaseAddress = simulator.BaseUrl };
        if (withToken)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "PVEAPIToken=" + simulator.Token);
        }

        return new SimulatorHarness(simulator, time, http);
    }

    public static string Fingerprint(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, params (string Key, string Value)[] form) =>
        Http.PostAsync(path, new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));

    public Task<HttpResponseMessage> PutAsync(string path, params (string Key, string Value)[] form) =>
        Http.PutAsync(path, new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(path);

    public static async Task<JsonNode?> DataAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        return JsonNode.Parse(body)!["data"];
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public async Task<JsonNode?> GetDataAsync(string path) => await DataAsync(await GetAsync(path));

    /// <summary>POSTs and returns the UPID the call answered.</summary>
    public async Task<string> StartTaskAsync(string path, params (string Key, string Value)[] form) =>
        (await DataAsync(await PostAsync(path, form)))!.GetValue<string>();

    /// <summary>Lets every running task reach its end and returns the task's status object.</summary>
    public async Task<JsonNode> FinishTaskAsync(string upid)
    {
        Time.Advance(TaskDuration);
        return (await GetDataAsync($"nodes/{upid.Split(':')[1]}/tasks/{Uri.EscapeDataString(upid)}/status"))!;
    }

    public async Task<JsonNode> TaskStatusAsync(string upid) =>
        (await GetDataAsync($"nodes/{upid.Split(':')[1]}/tasks/{Uri.EscapeDataString(upid)}/status"))!;

    /// <summary>Creates a CT the way a client would and waits for the task.</summary>
    public async Task CreateContainerAsync(int vmid, params (string Key, string Value)[] extra)
    {
        var form = new List<(string, string)>
        {
            ("vmid", vmid.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"),
            ("rootfs", "local-lvm:8"),
        };
        form.AddRange(extra);
        var upid = await StartTaskAsync("nodes/pve/lxc", [.. form]);
        Assert.That((await FinishTaskAsync(upid))["exitstatus"]!.GetValue<string>(), Is.EqualTo("OK"));
    }

    public static AuthenticationHeaderValue TokenHeader(string token) => new("PVEAPIToken", token);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
