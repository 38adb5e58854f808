namespace Zentoria.Reconciler.Proxmox;

/// <summary>400 <c>Parameter verification failed.</c> with one message per offending parameter.</summary>
internal sealed class ProxmoxParameterException(string message, IReadOnlyDictionary<string, string> errors, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.Parameter, message, request, statusCode, serverMessage)
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
