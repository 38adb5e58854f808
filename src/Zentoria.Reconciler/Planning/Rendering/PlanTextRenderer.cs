using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zentoria.Reconciler.Planning.Rendering;

/// <summary>Prints a plan the way <c>terraform plan</c> does: a legend, the steps by wave, and a summary line.</summary>
internal static class PlanTextRenderer
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(Plan plan, bool colour)
    {
        var text = new StringBuilder();
        if (plan.IsEmpty)
        {
            Line(text, Paint($"No changes. Live state matches the desired state of {plan.Environment} at revision {plan.Revision}.", Bold, colour));
            return text.ToString();
        }

        Line(text, $"Plan for environment {plan.Environment} at revision {plan.Revision}.");
        Line(text, "Steps are marked with these symbols:");
        foreach (var (symbol, meaning) in Legend(plan))
        {
            Line(text, $"  {Paint(symbol.ToString(), SymbolColour(symbol), colour)} {meaning}");
        }

        foreach (var wave in plan.Steps.GroupBy(s => s.Wave))
        {
            Line(text);
            Line(text, Paint(wave.Key == 0 ? "Wave 0" : $"Wave {wave.Key} (after wave {wave.Key - 1})", Bold, colour));
            foreach (var step in wave)
            {
                Line(text);
                Step(text, step, colour);
            }
        }

        Line(text);
        Line(text, Paint(Summary(plan.Summary), Bold, colour));
        return text.ToString();
    }

    public static string Summary(PlanSummary s)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"Plan: {s.Create} to create, {s.Change} to change, {s.Destroy} to destroy, {s.Restart} to restart.");
        if (s.ReportOnly > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" {s.ReportOnly} with drift only reported.");
        }

        if (s.Refused > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" {s.Refused} refused: see the steps marked x.");
        }

        return line;
    }

    private static void Step(StringBuilder text, PlanStep step, bool colour)
    {
        var symbol = StepNames.Symbol(step.Action);
        var header = $"  {Paint(symbol.ToString(), SymbolColour(symbol), colour)} {step.Unit}: {StepNames.Text(step.Action)}";
        if (step.ReportOnly)
        {
            header += " (report only)";
        }

        if (step.Disruption != Disruption.None)
        {
            header += $" [{StepNames.Json(step.Disruption)}]";
        }

        Line(text, header);
        foreach (var change in step.Changes)
        {
            Line(text, "      " + Change(change));
        }

        Line(text, Paint($"      # {step.Reason}", Dim, colour));
    }

    private static string Change(FieldChange change) => (change.From, change.To) switch
    {
        (null, var to) => $"+ {change.Field} = {Value(to)}",
        (var from, null) => $"- {change.Field} = {Value(from)}",
        var (from, to) => $"~ {change.Field}: {Value(from)} -> {Value(to)}",
    };

    // Quoted and escaped when needed so a multi-line description still prints as one line.
    private static string Value(string? value) =>
        value is null ? "(none)"
        : value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c == '"') ? JsonValue.Create(value).ToJsonString(Quoting)
        : value;

    private static IEnumerable<(char Symbol, string Meaning)> Legend(Plan plan)
    {
        var used = plan.Steps.Select(s => StepNames.Symbol(s.Action)).ToHashSet();
        (char, string)[] all =
        [
            ('+', "create"),
            ('~', "change in place"),
            ('-', "destroy"),
            ('!', "restart to apply changes Proxmox holds pending"),
            ('x', "refused: the operator will not make this change"),
        ];
        return all.Where(l => used.Contains(l.Item1));
    }

    private static string SymbolColour(char symbol) => symbol switch
    {
        '+' => "\u001b[32m",
        '-' => "\u001b[31m",
        '!' => "\u001b[35m",
        'x' => "\u001b[1;31m",
        _ => "\u001b[33m",
    };

    private static string Paint(string text, string code, bool colour) => colour ? code + text + Reset : text;

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
