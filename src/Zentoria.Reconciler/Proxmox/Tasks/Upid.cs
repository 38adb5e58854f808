using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A task id, <c>UPID:node:pid:pstart:starttime:type:id:user:</c> (with the trailing colon). Its node is the
/// only node that can answer for the task.
/// </summary>
internal sealed record Upid
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" \t\r\n/?#");
    private readonly string text;

    private Upid(string text, NodeName node, int processId, long processStart, DateTimeOffset startTime, string type, string id, string user)
    {
        this.text = text;
        Node = node;
        ProcessId = processId;
        ProcessStart = processStart;
        StartTime = startTime;
        Type = type;
        Id = id;
        User = user;
    }

    public NodeName Node { get; }

    public int ProcessId { get; }

    public long ProcessStart { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>The task type, such as <c>vzstart</c> or <c>vzcreate</c>.</summary>
    public string Type { get; }

    /// <summary>The vmid for guest tasks; may be empty.</summary>
    public string Id { get; }

    /// <summary><c>user@realm</c> or <c>user@realm!tokenid</c>.</summary>
    public string User { get; }

    public static Upid Parse(string text) =>
        TryParse(text, out var upid) ? upid : throw new FormatException("The text is not a Proxmox UPID.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Upid? upid)
    {
        upid = null;
        if (text is null || text.Length > 512)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 9 || parts[0] != "UPID" || parts[8].Length != 0 || !IsNodeName(parts[1])
            || !int.TryParse(parts[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[3], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pstart)
            || !long.TryParse(parts[4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || parts[5].Length == 0 || parts[7].Length == 0
            || text.AsSpan().ContainsAny(Forbidden))
        {
            return false;
        }

        upid = new Upid(text, new NodeName(parts[1]), pid, pstart, DateTimeOffset.FromUnixTimeSeconds(start), parts[5], parts[6], parts[7]);
        return true;
    }

    public override string ToString() => text;

    private static bool IsNodeName(string value) =>
        value.Length > 0 && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
