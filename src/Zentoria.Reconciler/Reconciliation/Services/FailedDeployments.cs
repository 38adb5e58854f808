using System.Collections.Immutable;
using System.Text.Json;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Remembers, in <c>failed-deployments.json</c> in the state folder, each (service, version, revision) whose deploy
/// failed and was rolled back, so that version is not deployed again until the desired-state revision changes or
/// a person asks for a retry. A restart, even after <c>kill -9</c>, remembers as much as the process did.
/// </summary>
/// <remarks>Thread-safe; every change rewrites the file atomically before the in-memory copy changes.</remarks>
internal sealed class FailedDeployments
{
    public const string FileName = "failed-deployments.json";

    private readonly Lock gate = new();
    private readonly string path;
    private ImmutableArray<FailedDeployment> failures;

    private FailedDeployments(string path, ImmutableArray<FailedDeployment> failures)
    {
        this.path = path;
        this.failures = failures;
    }

    public ImmutableArray<FailedDeployment> All
    {
        get
        {
            lock (gate)
            {
                return failures;
            }
        }
    }

    /// <exception cref="InvalidDataException">The file exists but cannot be read; forgetting it could redeploy a broken version.</exception>
    public static FailedDeployments Open(StateFolder folder)
    {
        var path = folder.File(FileName);
        if (!File.Exists(path))
        {
            return new FailedDeployments(path, []);
        }

        FailedDeploymentsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllBytes(path), ServicesJsonContext.Default.FailedDeploymentsDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid list of failed deployments ({e.Message}); move it aside to start afresh.", e);
        }

        if (document is null || document.Version != FailedDeploymentsDocument.CurrentVersion || document.Failures.IsDefault)
        {
            throw new InvalidDataException($"{path} is not a version {FailedDeploymentsDocument.CurrentVersion} list of failed deployments; move it aside to start afresh.");
        }

        return new FailedDeployments(path, document.Failures);
    }

    /// <summary>The remembered failure of <paramref name="version"/> under <paramref name="revision"/>, or null.</summary>
    public FailedDeployment? Find(string service, string version, string revision) =>
        All.FirstOrDefault(f => f.Service == service && f.Version == version && f.Revision == revision);

    public void Remember(FailedDeployment failure) =>
        Change(list => list.RemoveAll(f => f.Service == failure.Service).Add(failure));

    /// <summary>Forgets every failure of <paramref name="service"/>; true when there was one.</summary>
    public bool Forget(string service)
    {
        var forgotten = false;
        Change(list =>
        {
            forgotten = list.Any(f => f.Service == service);
            return forgotten ? list.RemoveAll(f => f.Service == service) : list;
        });
        return forgotten;
    }

    private void Change(Func<ImmutableArray<FailedDeployment>, ImmutableArray<FailedDeployment>> change)
    {
        lock (gate)
        {
            var next = change(failures);
            if (next == failures)
            {
                return;
            }

            AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(new FailedDeploymentsDocument(FailedDeploymentsDocument.CurrentVersion, next), ServicesJsonContext.Default.FailedDeploymentsDocument));
            failures = next;
        }
    }
}
