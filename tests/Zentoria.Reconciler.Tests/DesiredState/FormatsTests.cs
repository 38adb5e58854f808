using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.Tests.DesiredState;

internal sealed class FormatsTests
{
    [TestCase("v1.4.2", true)]
    [TestCase("1.0.0", true)]
    [TestCase("v1.5.0-rc.1", true)]
    [TestCase("1.0.0+build.7", true)]
    [TestCase("v1.4", false)]
    [TestCase("latest", false)]
    [TestCase("v01.4.2", false)]
    public void Versions_are_semantic_versions_with_an_optional_v(string value, bool valid) =>
        Assert.That(Formats.CheckVersion(value) is null, Is.EqualTo(valid));

    [TestCase("10s", 10)]
    [TestCase("10m", 600)]
    [TestCase("1h", 3600)]
    [TestCase("1h30m", 5400)]
    [TestCase("2m30s", 150)]
    public void Durations_read_hours_minutes_and_seconds(string value, int seconds)
    {
        Assert.That(Formats.TryParseDuration(value, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("")]
    [TestCase("0s")]
    [TestCase("10")]
    [TestCase("30m1h")]
    [TestCase("1.5h")]
    [TestCase("10 m")]
    public void Durations_without_a_unit_out_of_order_or_zero_are_refused(string value) =>
        Assert.That(Formats.TryParseDuration(value, out _), Is.False);

    [TestCase("ghcr.io/zentoriaai/zentoria-mcp-gateway", true)]
    [TestCase("localhost:5000/app", true)]
    [TestCase("postgres", true)]
    [TestCase("ghcr.io/zentoriaai/app:v1", false)]
    [TestCase("ghcr.io/zentoriaai/app@sha256:abc", false)]
    [TestCase("ghcr.io/ZentoriaAI/app", false)]
    public void Image_references_have_no_tag_and_lower_case_paths(string value, bool valid) =>
        Assert.That(Formats.CheckImage(value) is null, Is.EqualTo(valid));

    [TestCase("192.0.2.241/24", true)]
    [TestCase("127.0.2.240/8", true)]
    [TestCase("dhcp", true)]
    [TestCase("192.0.2.241", false)]
    [TestCase("192.0.2.256/24", false)]
    [TestCase("192.0.2.1/33", false)]
    [TestCase("010.0.0.1/8", false)]
    public void Container_addresses_are_ipv4_with_a_prefix_or_dhcp(string value, bool valid) =>
        Assert.That(Formats.CheckCidr(value) is null, Is.EqualTo(valid));

    [TestCase("0 22 * * 1-4", true)]
    [TestCase("*/15 * * * *", true)]
    [TestCase("0 9 1,15 JAN-MAR MON", true)]
    [TestCase("0 22 * *", false)]
    [TestCase("60 22 * * *", false)]
    [TestCase("0 22 * * 1-4 2026", false)]
    [TestCase("0 22 * * 5-1", false)]
    public void Cron_schedules_have_five_fields_within_their_ranges(string value, bool valid) =>
        Assert.That(CronSchedule.Check(value) is null, Is.EqualTo(valid));

    [TestCase("zentoria", true)]
    [TestCase("_internal", true)]
    [TestCase("v1.2+x", true)]
    [TestCase("-backend", false)]
    [TestCase("a b", false)]
    public void Tags_follow_the_proxmox_tag_syntax(string value, bool valid) =>
        Assert.That(Formats.CheckTag(value) is null, Is.EqualTo(valid));

    [TestCase("Europe/Amsterdam", true)]
    [TestCase("UTC", true)]
    [TestCase("America/Argentina/Buenos_Aires", true)]
    [TestCase("Amsterdam", false)]
    [TestCase("europe/amsterdam", false)]
    public void Time_zones_are_iana_names(string value, bool valid) =>
        Assert.That(TimeZones.Check(value) is null, Is.EqualTo(valid));

    [TestCase("{version}", null)]
    [TestCase("--tag={image}:{version}", null)]
    [TestCase("plain", null)]
    [TestCase("{versoin}", "unknown placeholder '{versoin}'; did you mean '{version}'?")]
    [TestCase("{secret}", "unknown placeholder '{secret}'; known placeholders are {image}, {version}, {previousVersion}, {service}, {container}, {vmid}, {node}, {port}, {address}, {file}, {revision}")]
    [TestCase("{version", "'{version' has a '{' without a matching '}'")]
    [TestCase("version}", "'version}' has a '}' without a matching '{'")]
    [TestCase("{{version}}", "'{{version}}' has a '{' without a matching '}'")]
    public void Command_arguments_use_only_known_placeholders_with_balanced_braces(string argument, string? message) =>
        Assert.That(CommandTemplates.CheckArgument(argument), Is.EqualTo(message));

    [TestCase("127.0.0.1", true)]
    [TestCase("127.0.2.240/8", true)]
    [TestCase("::1", true)]
    [TestCase("192.0.2.241/24", false)]
    [TestCase("localhost", false)]
    public void Only_127_0_0_0_8_and_ipv6_loopback_count_as_loopback(string value, bool loopback) =>
        Assert.That(Addresses.IsLoopback(value), Is.EqualTo(loopback));

    [TestCase("memoryMb", "; did you mean 'memoryMiB'?")]
    [TestCase("Cores", "; did you mean 'cores'?")]
    [TestCase("colour", "")]
    public void Near_misses_get_a_suggestion(string written, string expected) =>
        Assert.That(Suggestions.DidYouMean(written, ["cores", "memoryMiB", "swapMiB", "diskGiB"]), Is.EqualTo(expected));
}
