using System.Text.Encodings.Web;
using System.Text.Json;

namespace Zentoria.Reconciler.Planning.Rendering;

/// <summary>Writes a plan as the JSON documented in <c>docs/plan-json.md</c>; change that file with this one.</summary>
internal static class PlanJsonWriter
{
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // The output is read by people and scripts, never embedded in HTML; keep "->" and "+" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Plan plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("revision", plan.Revision);
            json.WriteString("environment", plan.Environment);
            json.WriteBoolean("empty", plan.IsEmpty);
            WriteSummary(json, plan.Summary);
            json.WriteStartArray("steps");
            foreach (var step in plan.Steps)
            {
                WriteStep(json, step);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteSummary(Utf8JsonWriter json, PlanSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("create", summary.Create);
        json.WriteNumber("change", summary.Change);
        json.WriteNumber("destroy", summary.Destroy);
        json.WriteNumber("restart", summary.Restart);
        json.WriteNumber("reportOnly", summary.ReportOnly);
        json.WriteNumber("refused", summary.Refused);
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, PlanStep step)
    {
        json.WriteStartObject();
        json.WriteNumber("wave", step.Wave);
        json.WriteStartObject("unit");
        json.WriteString("kind", step.Unit.Kind.ToString());
        json.WriteString("name", step.Unit.Name);
        if (step.Unit.VmId is { } vmId)
        {
            json.WriteNumber("vmid", vmId.Value);
        }

        json.WriteEndObject();
        json.WriteString("action", StepNames.Json(step.Action));
        json.WriteString("disruption", StepNames.Json(step.Disruption));
        json.WriteBoolean("reportOnly", step.ReportOnly);
        json.WriteString("reason", step.Reason);
        json.WriteStartArray("changes");
        foreach (var change in step.Changes)
        {
            json.WriteStartObject();
            json.WriteString("field", change.Field);
            json.WriteString("from", change.From);
            json.WriteString("to", change.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
