using System.Globalization;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>One thing wrong with the desired state, printed as <c>file:line:column: path: message</c>.</summary>
/// <param name="Path">The field as the model names it, such as <c>services[mcp-gateway].version</c>; empty for
/// errors about a file as a whole (syntax, emptiness).</param>
internal sealed record ValidationError(SourceLocation Location, string Path, string Message)
{
    public override string ToString()
    {
        // A folder has no line to point at; "dir:0:0" would read as a broken position.
        var where = Location.Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Location.File}:{Location.Line}:{Location.Column}")
            : Location.File;
        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
