using System.Security.Cryptography;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Where the operator reads its desired state from, every pass; remembers the last valid one, which keeps being
/// enforced while the folder is invalid.
/// </summary>
/// <remarks>
/// Every pass reads the files again, but parses and validates them only when their names or bytes changed since
/// the last load: at thousands of units that is seconds of CPU per pass for the same answer.
/// </remarks>
/// <param name="Root">The desired-state folder (holding <c>base/</c> and <c>environments/</c>).</param>
internal sealed class DesiredStateSource(string root, string environment)
{
    public string Root { get; } = root;

    public string Environment { get; } = environment;

    private (string Hash, DesiredStateLoadResult Result)? last;

    public Desired? LastValid { get; private set; }

    public DesiredStateLoadResult Load()
    {
        var read = DesiredStateLoader.Read(Root, Environment);
        if (read.ContentHash is { } hash && last is { } previous && previous.Hash == hash)
        {
            return previous.Result;
        }

        var result = DesiredStateLoader.Load(read);
        last = read.ContentHash is { } readHash ? (readHash, result) : null;
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
