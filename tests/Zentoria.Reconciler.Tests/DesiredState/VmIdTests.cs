using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Tests.DesiredState;

internal sealed class VmIdTests
{
    [TestCase(99, false)]
    [TestCase(100, true)]
    [TestCase(441, true)]
    [TestCase(999_999_999, true)]
    [TestCase(1_000_000_000, false)]
    public void A_vmid_is_in_range_only_between_100_and_999999999(int value, bool expected)
    {
        Assert.That(new VmId(value).IsInRange, Is.EqualTo(expected));
    }
}
