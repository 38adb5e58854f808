using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Ticket login for <c>root@pam</c>; the current ticket works as the password to renew it.</summary>
internal sealed class AccessApi(SimulatorContext context)
{
    // POST /access/ticket
    public ApiResult CreateTicket(ApiRequest request)
    {
        var username = request.Required("username");
        var password = request.Required("password");
        if (request.Optional("realm") is { } realm && !username.Contains('@', StringComparison.Ordinal))
        {
            username += "@" + realm;
        }

        var tickets = context.Access.Tickets;
        var authenticated = username == AccessRegistry.RootUser
            && (string.Equals(password, context.Access.RootPassword, StringComparison.Ordinal) || tickets.VerifyTicket(password) == username);
        if (!authenticated)
        {
            // PVE keeps the reason for the syslog and tells the client nothing more.
            throw new PveApiException(401, "authentication failure\n");
        }

        return ApiResult.Ok(new JsonObject
        {
            ["username"] = username,
            ["ticket"] = tickets.IssueTicket(username),
            ["CSRFPreventionToken"] = tickets.IssueCsrfToken(username),
            ["cap"] = new JsonObject
            {
                ["vms"] = AllOf("VM.Allocate", "VM.Audit", "VM.Clone", "VM.Config.CPU", "VM.Config.Disk", "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options", "VM.PowerMgmt", "VM.Snapshot", "VM.Snapshot.Rollback"),
                ["storage"] = AllOf("Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.Audit"),
                ["nodes"] = AllOf("Sys.Audit", "Sys.Modify", "Sys.PowerMgmt"),
            },
        });
    }

    private static JsonObject AllOf(params string[] privileges)
    {
        var json = new JsonObject();
        foreach (var privilege in privileges)
        {
            json[privilege] = 1;
        }

        return json;
    }
}
