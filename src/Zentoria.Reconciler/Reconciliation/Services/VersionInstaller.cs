using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Installs one version in place through the service's deploy command, then checks it: the health check with its
/// retries, and that the version answering is the one installed. One <see cref="ActionRunner"/> action per install.
/// </summary>
/// <remarks>
/// The action's result says who is to blame: <see cref="Done"/> when the version runs healthy;
/// <see cref="TerminalError"/> when the version failed (the command exited non-zero, or the checks failed), which
/// starts the rollback; <see cref="TransientError"/> when the guest could not be reached, which says nothing about
/// the version and is retried later from the same phase.
/// </remarks>
internal sealed class VersionInstaller(ActionRunner runner, ServiceProbe probe, SecretRedactor redactor, ILogger<VersionInstaller> logger)
{
    private const int StderrShown = 300;

    /// <param name="action">The audit's action name, such as <c>deploy</c> or <c>redeploy-previous</c>.</param>
    /// <param name="replacing">The version being replaced, for <c>{previousVersion}</c> and the audit's "before".</param>
    public Task<ReconcileResult> InstallAsync(ServiceDeployment deployment, string action, string version, string? replacing, CancellationToken cancellationToken)
    {
        var spec = deployment.Spec;
        var rendering = spec.Deploy is { } template
            ? CommandRenderer.Render(template, ServicePlaceholders.For(spec, deployment.Container, deployment.Revision, probe.EndpointOf(deployment.Container, spec), version, replacing))
            : CommandRendering.Failure("the service has no deploy command");
        if (!rendering.Succeeded)
        {
            return Task.FromResult(ReconcileResult.Terminal($"The deploy command cannot be rendered: {rendering.Error}"));
        }

        return runner.RunAsync(deployment.Action(action, replacing, version), async token =>
        {
            Log.Installing(logger, spec.Name.Value, version, deployment.Container.Name.Value);
            var ran = await deployment.Shell.RunAsync(rendering.Command!, spec.DeploySettings.Timeout, token);
            if (!ran.Succeeded)
            {
                return ReconcileResult.Transient($"The deploy command of {version} could not run: {ran.Error}");
            }

            if (!ran.Value.Succeeded)
            {
                // The excerpt ends up in the journal, the audit, logs and status: known secrets are masked first.
                var stderr = redactor.Redact(ran.Value.Stderr.Trim().ReplaceLineEndings(" "));
                var how = ran.Value.TimedOut
                    ? $"was cut after {spec.DeploySettings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
                    : $"exited {ran.Value.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "without a status"}";
                return ReconcileResult.Terminal($"The deploy command of {version} {how}" + (stderr.Length == 0 ? "" : ": " + stderr[..Math.Min(stderr.Length, StderrShown)]));
            }

            return await VerifyAsync(deployment, version, token) is { } failure
                ? ReconcileResult.Terminal($"{InstalledBut(version)} {failure}")
                : ReconcileResult.Succeeded;
        }, cancellationToken);
    }

    /// <summary>True when <paramref name="failed"/> says the deploy command worked and the checks of <paramref name="version"/> did not.</summary>
    public static bool FailedItsChecks(TerminalError failed, string version) => failed.Message.StartsWith(InstalledBut(version), StringComparison.Ordinal);

    private static string InstalledBut(string version) => $"{version} was installed but";

    /// <summary>Null when <paramref name="version"/> answers healthy; otherwise what went wrong, in words for status.</summary>
    public async Task<string?> VerifyAsync(ServiceDeployment deployment, string version, CancellationToken cancellationToken)
    {
        var (spec, container) = (deployment.Spec, deployment.Container);
        var report = await probe.CheckAsync(spec, container, deployment.Revision, version, cancellationToken);
        if (!report.Healthy)
        {
            return $"failed its health check {report.Attempts.Length.ToString(CultureInfo.InvariantCulture)} time(s) ({report.LastAttempt.Detail})";
        }

        var running = await probe.VersionAsync(spec, container, deployment.Revision, report.LastAttempt, cancellationToken);
        if (running.Version is null)
        {
            // An http check that passed without a version (expectVersion off) cannot say more; a version command must.
            return spec.DeploySettings.VersionCommand is null ? null : $"its version cannot be read: {running.Error}";
        }

        return running.Version == version ? null : $"the service answers version {running.Version}, not {version}";
    }
}
