using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Zentoria.Reconciler.DesiredState.Validation;

internal static class Addresses
{
    /// <summary>Strict dotted-quad only: <see cref="IPAddress.TryParse(string, out IPAddress)"/> also takes "10" and "1.2.3".</summary>
    public static bool TryParseIPv4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0') ||
                                               int.Parse(p, CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        address = IPAddress.Parse(text);
        return true;
    }

    public static bool TryParseCidr(string text, out IPAddress address, out int prefixLength)
    {
        address = IPAddress.None;
        prefixLength = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 &&
               TryParseIPv4(text[..slash], out address) &&
               text[(slash + 1)..] is { Length: > 0 and <= 2 } prefix && prefix.All(char.IsAsciiDigit) &&
               (prefixLength = int.Parse(prefix, CultureInfo.InvariantCulture)) is >= 1 and <= 32;
    }

    public static bool IsLoopback(string addressOrCidr)
    {
        var text = addressOrCidr.Split('/')[0].Trim('[', ']');
        return IPAddress.TryParse(text, out var address) &&
               (address.AddressFamily == AddressFamily.InterNetwork ? address.GetAddressBytes()[0] == 127 : address.Equals(IPAddress.IPv6Loopback));
    }

    public static bool SameSubnet(IPAddress a, IPAddress b, int prefixLength)
    {
        var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        return (ToUInt32(a) & mask) == (ToUInt32(b) & mask);
    }

    private static uint ToUInt32(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }
}
