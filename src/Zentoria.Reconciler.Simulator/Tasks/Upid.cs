using System.Globalization;
using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Simulator.Tasks;

/// <summary><c>UPID:node:PID:PSTART:STARTTIME:type:id:user:</c> with the trailing colon (reference 6.1).</summary>
internal sealed partial record Upid(string Node, int Pid, long PStart, long StartTime, string Type, string Id, string User)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"UPID:{Node}:{Pid:X8}:{PStart:X8}:{StartTime:X8}:{Type}:{Id}:{User}:");

    public static Upid? TryParse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        static long Hex(Group g) => long.Parse(g.Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return new Upid(match.Groups[1].Value, (int)Hex(match.Groups[2]), Hex(match.Groups[3]), Hex(match.Groups[4]), match.Groups[5].Value, match.Groups[6].Value, match.Groups[7].Value);
    }

    [GeneratedRegex(@"^UPID:([a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$")]
    private static partial Regex Pattern();
}
