using System.Collections.Immutable;
using System.Text.Json;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// The promote and abort requests people made (CLI or HTTP) that a release has not taken yet, one per service, kept in
/// <c>rollout-requests.json</c> so a request made just before a restart is still honoured after it. The release's
/// driver takes a request (<see cref="Clear"/>) once the step it asked for is done.
/// </summary>
/// <remarks>Thread-safe; every change rewrites the file atomically before the in-memory copy changes.</remarks>
internal sealed class RolloutRequests
{
    public const string FileName = "rollout-requests.json";

    private readonly Lock gate = new();
    private readonly string path;
    private ImmutableArray<RolloutRequest> requests;

    private RolloutRequests(string path, ImmutableArray<RolloutRequest> requests)
    {
        this.path = path;
        this.requests = requests;
    }

    public ImmutableArray<RolloutRequest> All
    {
        get
        {
            lock (gate)
            {
                return requests;
            }
        }
    }

    /// <exception cref="InvalidDataException">The file exists but cannot be read; dropping it could ignore an abort.</exception>
    public static RolloutRequests Open(StateFolder folder)
    {
        var path = folder.File(FileName);
        if (!File.Exists(path))
        {
            return new RolloutRequests(path, []);
        }

        RolloutRequestsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllBytes(path), RolloutsJsonContext.Default.RolloutRequestsDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid list of rollout requests ({e.Message}); move it aside to start afresh.", e);
        }

        if (document is null || document.Version != RolloutRequestsDocument.CurrentVersion || document.Requests.IsDefault)
        {
            throw new InvalidDataException($"{path} is not a version {RolloutRequestsDocument.CurrentVersion} list of rollout requests; move it aside to start afresh.");
        }

        return new RolloutRequests(path, document.Requests);
    }

    /// <summary>The request waiting for <paramref name="service"/>, or null.</summary>
    public RolloutRequest? Find(string service) => All.FirstOrDefault(r => r.Service == service);

    /// <summary>Records a request; a later one for the same service replaces an earlier one (abort after promote wins).</summary>
    public void Request(RolloutRequest request) =>
        Change(list => list.RemoveAll(r => r.Service == request.Service).Add(request));

    /// <summary>Drops the request of <paramref name="service"/>; true when there was one.</summary>
    public bool Clear(string service)
    {
        var cleared = false;
        Change(list =>
        {
            cleared = list.Any(r => r.Service == service);
            return cleared ? list.RemoveAll(r => r.Service == service) : list;
        });
        return cleared;
    }

    private void Change(Func<ImmutableArray<RolloutRequest>, ImmutableArray<RolloutRequest>> change)
    {
        lock (gate)
        {
            var next = change(requests);
            if (next == requests)
            {
                return;
            }

            AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(new RolloutRequestsDocument(RolloutRequestsDocument.CurrentVersion, next), RolloutsJsonContext.Default.RolloutRequestsDocument));
            requests = next;
        }
    }
}
