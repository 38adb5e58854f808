using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>Collects every error of one load; nothing stops at the first.</summary>
internal sealed class ErrorList
{
    private readonly List<ValidationError> _errors = [];

    public int Count => _errors.Count;

    public void Add(SourceLocation location, string path, string message) => _errors.Add(new ValidationError(location, path, message));

    public void AddRange(IEnumerable<ValidationError> errors) => _errors.AddRange(errors);

    /// <summary>Errors in file order, then by position, so the output reads top to bottom.</summary>
    public ImmutableArray<ValidationError> ToSortedArray() =>
    [
        .. _errors
            .Distinct()
            .OrderBy(e => e.Location.File, StringComparer.Ordinal)
            .ThenBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal),
    ];
}
