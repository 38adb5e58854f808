using System.Security.Cryptography;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Where the operator reads its desired state from, every pass; remembers the last valid one, which keeps being
/// enforced while the folder is invalid.
/// </summary>
/// <param name="Root">The desired-state folder (holding <c>base/</c> and <c>environments/</c>).</param>
internal sealed class DesiredStateSource(string root, string environment)
{
    public string Root { get; } = root;

    public string Environment { get; } = environment;

    public Desired? LastValid { get; private set; }

    public DesiredStateLoadResult Load()
    {
        var result = DesiredStateLoader.Load(Root, Environment);
        if (result.IsValid)
        {
            LastValid = result.Desired;
        }

        return result;
    }

    /// <summary>A short id for an invalid revision, from its errors: the loader gives no revision to a state it rejects.</summary>
    public static string InvalidRevision(DesiredStateLoadResult result) =>
        "invalid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', result.Errors.Select(e => e.ToString())))))[..12];
}
