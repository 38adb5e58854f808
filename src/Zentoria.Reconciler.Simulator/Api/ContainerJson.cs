using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>
/// The status fields of <c>PVE::LXC::vmstatus</c>, shared by the node's CT list, <c>status/current</c> and
/// <c>/cluster/resources</c>. Usage figures are fixed fractions of the limits so answers are repeatable.
/// </summary>
internal static class ContainerJson
{
    public static JsonObject Status(SimulatedContainer c, DateTimeOffset now)
    {
        var running = c.Running;
        var maxDisk = running ? (long)(c.MaxDisk * 0.984) : c.MaxDisk;
        var json = new JsonObject
        {
            ["vmid"] = c.VmId,
            ["type"] = "lxc",
            ["status"] = running ? "running" : "stopped",
            ["name"] = c.Name,
            ["cpus"] = c.Cores,
            ["cpu"] = running ? 0.0048 : 0,
            ["mem"] = running ? c.MaxMemory / 8 : 0,
            ["maxmem"] = c.MaxMemory,
            ["swap"] = 0,
            ["maxswap"] = c.MaxSwap,
            ["disk"] = running ? maxDisk / 5 : 0,
            ["maxdisk"] = maxDisk,
            ["diskread"] = running ? 12240 : 0,
            ["diskwrite"] = 0,
            ["netin"] = running ? 191704 : 0,
            ["netout"] = running ? 73553 : 0,
            ["uptime"] = Uptime(c, now),
        };
        if (running)
        {
            json["pid"] = c.Pid;
        }

        AddOptional(json, c);
        return json;
    }

    /// <summary>One container's entry in <c>/cluster/resources</c>.</summary>
    public static void WriteResource(Utf8JsonWriter json, SimulatedContainer c, DateTimeOffset now)
    {
        var running = c.Running;
        var maxDisk = c.MaxDisk;
        json.WriteStartObject();
        json.WriteString("id", "lxc/" + c.VmId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("type", "lxc");
        json.WriteNumber("vmid", c.VmId);
        json.WriteString("node", c.Node);
        json.WriteString("name", c.Name);
        json.WriteString("status", running ? "running" : "stopped");
        json.WriteNumber("template", c.IsTemplate ? 1 : 0);
        json.WriteNumber("uptime", Uptime(c, now));
        json.WriteNumber("cpu", running ? 0.0026 : 0);
        json.WriteNumber("maxcpu", c.Cores);
        json.WriteNumber("mem", running ? c.MaxMemory / 8 : 0);
        json.WriteNumber("maxmem", c.MaxMemory);
        json.WriteNumber("disk", running ? maxDisk / 5 : 0);
        json.WriteNumber("maxdisk", maxDisk);
        json.WriteNumber("netin", running ? 120019464 : 0);
        json.WriteNumber("netout", running ? 4270 : 0);
        json.WriteNumber("diskread", running ? 556969984 : 0);
        json.WriteNumber("diskwrite", running ? 22261760 : 0);
        if (c.Lock is { } lockName)
        {
            json.WriteString("lock", lockName);
        }

        if (c.Config.TryGetValue("tags", out var tags))
        {
            json.WriteString("tags", tags);
        }

        json.WriteEndObject();
    }

    private static void AddOptional(JsonObject json, SimulatedContainer c)
    {
        if (c.Lock is { } lockName)
        {
            json["lock"] = lockName;
        }

        if (c.Config.TryGetValue("tags", out var tags))
        {
            json["tags"] = tags;
        }

        if (c.IsTemplate)
        {
            json["template"] = 1;
        }
    }

    private static long Uptime(SimulatedContainer c, DateTimeOffset now) =>
        c.StartedAt is { } started ? Math.Max(0, (long)(now - started).TotalSeconds) : 0;
}
