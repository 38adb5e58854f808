using System.Globalization;
using System.Text.Json;
using FsCheck;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Json;

internal sealed class LenientJsonProperties
{
    [Property]
    public bool A_whole_number_reads_the_same_sent_as_a_number_or_as_a_string(long value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return JsonSerializer.Deserialize<long>(text, ProxmoxJson.Options) == value
            && JsonSerializer.Deserialize<long>($"\"{text}\"", ProxmoxJson.Options) == value;
    }

    [Property]
    public bool A_fraction_reads_the_same_sent_as_a_number_or_as_a_string(NormalFloat value)
    {
        var text = value.Get.ToString("R", CultureInfo.InvariantCulture);
        return JsonSerializer.Deserialize<double>(text, ProxmoxJson.Options).Equals(value.Get)
            && JsonSerializer.Deserialize<double>($"\"{text}\"", ProxmoxJson.Options).Equals(value.Get);
    }

    [Property]
    public bool A_upid_prints_back_exactly_the_text_it_was_parsed_from(uint pid, uint processStart, uint startTime, PositiveInt vmid)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"UPID:pve-2:{pid:X8}:{processStart:X8}:{startTime:X8}:vzstart:{vmid.Get}:automation@pve!ci:");

        return Upid.TryParse(text, out var upid)
            && upid.ToString() == text
            && (uint)upid.ProcessId == pid
            && upid.ProcessStart == processStart
            && upid.StartTime.ToUnixTimeSeconds() == startTime
            && upid.Id == vmid.Get.ToString(CultureInfo.InvariantCulture);
    }
}
