using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Routing;

/// <summary>
/// Changes where NGINX sends a service's traffic: writes the upstream file atomically through the proxy's guest
/// shell, checks the whole configuration (<c>nginx -t</c>), then reloads (<c>nginx -s reload</c>), whose old
/// workers finish their requests. When the check or the reload fails, the previous file goes back, so the file
/// on disk stays what NGINX runs and traffic stays where it was. A file without the marker is never touched.
/// </summary>
/// <remarks>
/// One write per proxy at a time: a configuration test covers every file, so another service's half-finished
/// write could fail this one's test and be "restored" by the wrong writer. Journaling and auditing are the
/// caller's, through <see cref="Reconciliation.ActionRunner"/>.
/// </remarks>
internal sealed class UpstreamWriter(ILogger<UpstreamWriter> logger)
{
    /// <summary>The operator's files hold no secrets; NGINX's master reads them as root, its workers never.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private const int MaxDetail = 400;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> proxies = new(StringComparer.Ordinal);

    /// <param name="reloadIfUnchanged">
    /// Test and reload even when the file already holds these bytes: after a restart in the middle of a write, the
    /// file may be ahead of what NGINX loaded.
    /// </param>
    public async Task<UpstreamWriteResult> WriteAsync(IGuestShell proxy, UpstreamTarget target, UpstreamRouting routing, bool reloadIfUnchanged, CancellationToken cancellationToken)
    {
        var rendering = UpstreamFile.Render(routing, target.Service);
        var test = CommandRenderer.Render(target.Nginx.Test, target.CommandValues);
        var reload = CommandRenderer.Render(target.Nginx.Reload, target.CommandValues);
        if ((rendering.Error ?? test.Error ?? reload.Error) is { } invalid)
        {
            return new UpstreamWriteResult(UpstreamWriteOutcome.Invalid, target.File, $"Cannot write upstream {target.Upstream}: {invalid}.");
        }

        var gate = proxies.GetOrAdd(target.ProxyContainer.Value, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var write = new Write(proxy, target, routing, rendering.Content!, test.Command!, reload.Command!, logger);
            return await write.RunAsync(reloadIfUnchanged, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Describe(GuestOutcome<GuestCommandResult> ran)
    {
        if (!ran.Succeeded)
        {
            return ran.Error.ToString();
        }

        var result = ran.Value;
        var exit = result.TimedOut ? "timed out" : $"exit {result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "without a status"}";
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var detail = string.Join(" | ", lines.Where(l => l.Contains("[emerg]", StringComparison.Ordinal) || l.Contains("[alert]", StringComparison.Ordinal)).DefaultIfEmpty(lines.LastOrDefault() ?? ""));
        return detail.Length == 0 ? exit : $"{exit}: {(detail.Length > MaxDetail ? detail[..MaxDetail] + "..." : detail)}";
    }

    private static bool Ok(GuestOutcome<GuestCommandResult> ran) => ran.Succeeded && ran.Value.Succeeded;

    /// <summary>One write's steps, with what it needs to put the previous file back.</summary>
    private sealed class Write(IGuestShell proxy, UpstreamTarget target, UpstreamRouting routing, byte[] content, GuestCommand test, GuestCommand reload, ILogger logger)
    {
        private byte[]? previous;

        public async Task<UpstreamWriteResult> RunAsync(bool reloadIfUnchanged, CancellationToken cancellationToken)
        {
            var read = await proxy.ReadFileAsync(target.File, UpstreamReader.MaxBytes, cancellationToken);
            if (!read.Succeeded && read.Error.Kind != GuestErrorKind.FileNotFound)
            {
                return Result(UpstreamWriteOutcome.Unavailable, $"Cannot read {target.File} on {target.Proxy}: {read.Error}.");
            }

            if (read.Succeeded)
            {
                previous = read.Value.Content.ToArray();
                if (!UpstreamFile.Read(previous).Owned)
                {
                    Log.UpstreamNotOwned(logger, target.File, target.Proxy.Value);
                    return Result(UpstreamWriteOutcome.NotOwned,
                        $"{target.File} on {target.Proxy} does not start with the line '{UpstreamFile.Marker}'; it is not the operator's and was left alone. Move it away, or add the line to hand it over.");
                }

                if (previous.AsSpan().SequenceEqual(content) && !reloadIfUnchanged)
                {
                    return Result(UpstreamWriteOutcome.Unchanged, $"{target.File} already routes {routing}.");
                }
            }
            else if (await EnsureFolderAsync(cancellationToken) is { } folderError)
            {
                return Result(UpstreamWriteOutcome.Unavailable, folderError);
            }

            var written = await proxy.WriteFileAtomicAsync(target.File, content, FileMode, null, cancellationToken);
            if (!written.Succeeded)
            {
                return Result(UpstreamWriteOutcome.Unavailable, $"Cannot write {target.File} on {target.Proxy}: {written.Error}.");
            }

            GuestOutcome<GuestCommandResult> tested;
            try
            {
                tested = await proxy.RunAsync(test, CommandTimeout, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // An unchecked file must not wait on disk for the next reload, whoever triggers it.
                await RestoreFileAsync(CancellationToken.None);
                throw;
            }

            if (!Ok(tested))
            {
                return await RestoreAsync(UpstreamWriteOutcome.Rejected, "the configuration test", tested, cancellationToken);
            }

            var reloaded = await proxy.RunAsync(reload, CommandTimeout, cancellationToken);
            if (!Ok(reloaded))
            {
                return await RestoreAsync(UpstreamWriteOutcome.ReloadFailed, "the reload", reloaded, cancellationToken);
            }

            Log.UpstreamWritten(logger, target.Upstream, target.Service.Value, target.File, target.Proxy.Value, routing.ToString());
            var unchanged = previous is not null && previous.AsSpan().SequenceEqual(content);
            return Result(unchanged ? UpstreamWriteOutcome.Unchanged : UpstreamWriteOutcome.Written,
                unchanged ? $"{target.File} already routed {routing}; NGINX reloaded it." : $"{target.File} now routes {routing}.");
        }

        private async Task<string?> EnsureFolderAsync(CancellationToken cancellationToken)
        {
            var slash = target.File.LastIndexOf('/');
            if (slash <= 0)
            {
                return null;
            }

            var folder = target.File[..slash];
            var made = await proxy.RunAsync(GuestCommand.Of("mkdir", "-p", "--", folder), CommandTimeout, cancellationToken);
            return Ok(made) ? null : $"Cannot create {folder} on {target.Proxy}: {Describe(made)}.";
        }

        private async Task<UpstreamWriteResult> RestoreAsync(UpstreamWriteOutcome outcome, string step, GuestOutcome<GuestCommandResult> failed, CancellationToken cancellationToken)
        {
            var detail = Describe(failed);
            var output = failed.Succeeded ? failed.Value.Stderr : null;

            // The caller's cancellation must not leave a rejected file behind for the next reload to pick up.
            var restored = await RestoreFileAsync(CancellationToken.None);
            if (restored is not null)
            {
                Log.UpstreamRestoreFailed(logger, target.Upstream, target.Service.Value, step, target.Proxy.Value, target.File, restored);
                return Result(UpstreamWriteOutcome.RestoreFailed,
                    $"{Capitalized(step)} failed on {target.Proxy} ({detail}) and the previous {target.File} could not be put back ({restored}); the next reload would load it.", output);
            }

            Log.UpstreamRolledBack(logger, target.Upstream, target.Service.Value, step, target.Proxy.Value, detail, target.File);
            cancellationToken.ThrowIfCancellationRequested();
            return Result(outcome, $"{Capitalized(step)} failed on {target.Proxy} ({detail}); the previous {target.File} is back and traffic is unchanged.", output);
        }

        private async Task<string?> RestoreFileAsync(CancellationToken cancellationToken)
        {
            if (previous is null)
            {
                var removed = await proxy.RunAsync(GuestCommand.Of("rm", "-f", "--", target.File), CommandTimeout, cancellationToken);
                return Ok(removed) ? null : Describe(removed);
            }

            var rewritten = await proxy.WriteFileAtomicAsync(target.File, previous, FileMode, null, cancellationToken);
            return rewritten.Succeeded ? null : rewritten.Error.ToString();
        }

        private UpstreamWriteResult Result(UpstreamWriteOutcome outcome, string message, string? output = null) => new(outcome, target.File, message, output);

        private static string Capitalized(string step) => char.ToUpperInvariant(step[0]) + step[1..];
    }
}
