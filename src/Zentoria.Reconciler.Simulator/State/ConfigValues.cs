using System.Globalization;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>Checks and normalises one config value as the schema and the write path do; failures are 400s.</summary>
internal static class ConfigValues
{
    private const string UnknownProperty = "property is not defined in schema and the schema does not allow additional properties";

    public static string Normalize(string key, string value, Func<string> newMacAddress)
    {
        if (!ConfigSchema.IsKnown(key) || key is "parent" or "digest")
        {
            throw PveApiException.Parameter(key, UnknownProperty);
        }

        switch (ConfigSchema.KindOf(key))
        {
            case ConfigKeyKind.Boolean:
                return ApiRequest.ParseBoolean(key, value) ? "1" : "0";
            case ConfigKeyKind.Integer:
                var (minimum, maximum) = ConfigSchema.RangeOf(key);
                return ApiRequest.ParseInteger(key, value, minimum, maximum).ToString(CultureInfo.InvariantCulture);
            case ConfigKeyKind.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw PveApiException.Parameter(key, $"type check ('number') failed - got '{value}'");
                }

                return number is < 0 or > 8192
                    ? throw PveApiException.Parameter(key, number < 0 ? "value must have a minimum value of 0" : "value must have a maximum value of 8192")
                    : value;
        }

        try
        {
            return key switch
            {
                "tags" => TagList.Normalize(value),
                "lock" when value is not ("backup" or "create" or "destroyed" or "disk" or "fstrim" or "migrate" or "mounted" or "rollback" or "snapshot" or "snapshot-delete") =>
                    throw PveApiException.Parameter(key, $"value '{value}' does not have a value in the enumeration 'backup, create, destroyed, disk, fstrim, migrate, mounted, rollback, snapshot, snapshot-delete'"),
                "description" when value.Length > 8192 => throw PveApiException.Parameter(key, "value may only be 8192 characters long"),
                "hostname" when value.Length > 255 => throw PveApiException.Parameter(key, "value may only be 255 characters long"),
                "arch" when value is not ("amd64" or "i386" or "arm64" or "armhf" or "riscv32" or "riscv64") =>
                    throw PveApiException.Parameter(key, $"value '{value}' does not have a value in the enumeration 'amd64, i386, arm64, armhf, riscv32, riscv64'"),
                _ when ConfigSchema.IsNetwork(key) => NetworkInterface.Normalize(value, newMacAddress),
                _ => value,
            };
        }
        catch (FormatException exception)
        {
            throw PveApiException.Parameter(key, exception.Message);
        }
    }

    /// <summary><c>delete</c> and <c>revert</c> take lists separated by commas, semicolons or spaces.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        text is null ? [] : text.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
