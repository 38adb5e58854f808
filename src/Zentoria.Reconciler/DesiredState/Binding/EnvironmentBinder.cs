using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class EnvironmentBinder
{
    private static readonly string[] SpecKeys = ["proxmox", "guests", "prune", "managedTag", "approval", "windows", "suspend", "analysis"];
    private static readonly string[] ProxmoxKeys = ["url", "tokenFile", "tokenEnv", "fingerprint", "insecureSkipVerify"];
    private static readonly string[] GuestKeys = ["mode", "user", "port", "keyFile", "knownHostsFile", "hostKeyFingerprint", "trustOnFirstUse"];
    private static readonly string[] ApprovalKeys = ["required", "allSteps"];
    private static readonly string[] AnalysisKeys = ["prometheus"];

    public static EnvironmentSpec? Bind(Document document, BindingContext context)
    {
        if (SpecMapping.Open(document, context, SpecKeys) is not { } spec)
        {
            return null;
        }

        var approval = spec.Mapping("approval", ApprovalKeys);
        return new EnvironmentSpec(
            document.Name,
            Proxmox(spec),
            Guests(spec),
            spec.Boolean("prune") ?? false,
            spec.String("managedTag", check: Formats.CheckTag) ?? EnvironmentSpec.DefaultManagedTag,
            approval.Exists ? new ApprovalSpec(approval.Boolean("required") ?? false, approval.Boolean("allSteps") ?? false) : ApprovalSpec.None,
            CommonReaders.Windows(spec),
            document.Origin,
            spec.Boolean("suspend") ?? false,
            Prometheus(spec));
    }

    /// <summary><c>analysis.prometheus</c>: the base URL of the Prometheus canary analyses query (no credentials in it).</summary>
    private static Uri? Prometheus(MappingReader spec) =>
        spec.Mapping("analysis", AnalysisKeys).String("prometheus", check: ProxmoxUrl.Check) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    private static ProxmoxEndpointSpec Proxmox(MappingReader spec)
    {
        var proxmox = spec.Mapping("proxmox", ProxmoxKeys, required: true);
        if (!proxmox.Exists)
        {
            return new ProxmoxEndpointSpec("", null, null, null, false);
        }

        var url = proxmox.String("url", required: true, ProxmoxUrl.Check);
        // Someone who pastes the token itself here must not find it echoed in a CI log.
        var tokenFile = proxmox.String("tokenFile", check: v => Formats.CheckAbsolutePath(v) is null ? null :
            "this is not an absolute file path such as /etc/zentoria/proxmox-token (the value is not shown: it may be the secret itself)");
        var tokenEnv = proxmox.String("tokenEnv", check: v => Formats.CheckEnvironmentVariable(v) is null ? null :
            "this is not an environment variable name such as ZENTORIA_PROXMOX_TOKEN (the value is not shown: it may be the secret itself)");
        if (proxmox.Has("tokenFile") && proxmox.Has("tokenEnv"))
        {
            proxmox.Error("tokenEnv", "name the API token's file (tokenFile) or its environment variable (tokenEnv), not both");
        }
        else if (!proxmox.Has("tokenFile") && !proxmox.Has("tokenEnv"))
        {
            proxmox.Context.Errors.Add(proxmox.Location, proxmox.Child("tokenFile"),
                "required field is missing: name the file (tokenFile) or the environment variable (tokenEnv) that holds the API token");
        }

        var fingerprint = proxmox.String("fingerprint", check: Formats.CheckCertificateFingerprint);
        var insecure = proxmox.Boolean("insecureSkipVerify") ?? false;
        if (insecure && fingerprint is not null)
        {
            proxmox.Error("insecureSkipVerify", "a pinned fingerprint and insecureSkipVerify contradict each other; keep the fingerprint");
        }

        return new ProxmoxEndpointSpec(url ?? "", tokenFile, tokenEnv, fingerprint, insecure);
    }

    private static GuestAccessSpec? Guests(MappingReader spec)
    {
        var guests = spec.Mapping("guests", GuestKeys);
        if (!guests.Exists)
        {
            return null;
        }

        var access = new GuestAccessSpec(
            guests.Enum("mode", EnumNames.GuestTransports) ?? GuestTransportMode.Pct,
            guests.String("user", check: Formats.CheckUser) ?? "root",
            guests.String("keyFile", required: true, Formats.CheckAbsolutePath) ?? "",
            guests.String("knownHostsFile", check: Formats.CheckAbsolutePath),
            guests.String("hostKeyFingerprint", check: Formats.CheckHostKeyFingerprint),
            guests.Integer("port", min: 1, max: 65535) ?? GuestAccessSpec.DefaultPort,
            guests.Boolean("trustOnFirstUse") ?? false);
        if (!guests.Has("knownHostsFile") && !guests.Has("hostKeyFingerprint") && !access.TrustOnFirstUse)
        {
            // Without any of the three every host key is refused, so the operator could reach no guest at all.
            guests.Context.Errors.Add(guests.Location, guests.Child("knownHostsFile"),
                "nothing to check SSH host keys against: set knownHostsFile, hostKeyFingerprint, or trustOnFirstUse: true");
        }

        return access;
    }
}
