using System.Globalization;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>A Proxmox guest id. Proxmox accepts 100 to 999,999,999.</summary>
internal readonly record struct VmId(int Value) : IComparable<VmId>
{
    public const int Min = 100;
    public const int Max = 999_999_999;

    public bool IsInRange => Value is >= Min and <= Max;

    public int CompareTo(VmId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
