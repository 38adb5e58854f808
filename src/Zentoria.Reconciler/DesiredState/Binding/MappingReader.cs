using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>
/// Reads the fields of one mapping with their error paths: reports unknown and duplicate keys on creation, then
/// wrong types, missing required fields and failed checks as each field is read. A field that fails reads as
/// null, so binding goes on and every other error is found too.
/// </summary>
internal sealed class MappingReader
{
    private readonly MappingNode? _node;
    private readonly BindingContext _context;

    // Keys an unknown key was taken for ("memoryMb" for "memoryMiB"): the did-you-mean already covers their absence.
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);

    /// <param name="node">The mapping, or null when it is absent (every read then finds nothing).</param>
    /// <param name="path">The error path of the mapping, such as <c>containers[backend].resources</c>.</param>
    /// <param name="location">Where errors about an absent mapping point.</param>
    /// <param name="knownKeys">The keys the mapping may hold; empty when the keys are names the user chooses (flags).</param>
    public MappingReader(MappingNode? node, string path, SourceLocation location, BindingContext context, IReadOnlyCollection<string> knownKeys)
    {
        _node = node;
        _context = context;
        Path = path;
        Location = node?.Location ?? location;
        if (node is not null)
        {
            ReportUnknownAndDuplicateKeys(node, knownKeys);
        }
    }

    public string Path { get; }

    /// <summary>Where the mapping starts, or where it should have been when it is absent.</summary>
    public SourceLocation Location { get; }

    public bool Exists => _node is not null;

    public BindingContext Context => _context;

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value of <paramref name="key"/>; null when absent or written as <c>null</c> (merge-patch removal).</summary>
    public YamlNode? Node(string key)
    {
        var value = _node?[key];
        if (value is null or ScalarNode { IsNull: true })
        {
            return null;
        }

        _context.Locations.Record(Child(key), value.Location);
        return value;
    }

    public bool Has(string key) => Node(key) is not null;

    public SourceLocation LocationOf(string key) => Node(key)?.Location ?? Location;

    public void Error(string key, string message) => _context.Errors.Add(LocationOf(key), Child(key), message);

    public void Missing(string key)
    {
        if (_suggested.Contains(key))
        {
            return;
        }

        var removal = _node?.RemovedKeys.LastOrDefault(k => k.Value == key);
        if (removal is not null)
        {
            _context.Errors.Add(removal.Location, Child(key), $"required field is missing: '{key}: null' here removes it");
        }
        else
        {
            _context.Errors.Add(Location, Child(key), "required field is missing");
        }
    }

    public string? String(string key, bool required = false, Func<string, string?>? check = null)
    {
        var node = Node(key);
        if (node is null)
        {
            MissingIf(required, key);
            return null;
        }

        return ScalarReading.String(node, Child(key), _context.Errors, check);
    }

    public int? Integer(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue, string unit = "")
    {
        var node = Node(key);
        if (node is null)
        {
            MissingIf(required, key);
            return null;
        }

        return ScalarReading.Integer(node, Child(key), _context.Errors, min, max, unit);
    }

    public bool? Boolean(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            MissingIf(required, key);
            return null;
        }

        if (node is ScalarNode scalar && scalar.TryGetBoolean(out var value))
        {
            return value;
        }

        _context.Errors.Add(node.Location, Child(key), $"expected true or false, found {node.Describe()}");
        return null;
    }

    public TimeSpan? Duration(string key, bool required = false)
    {
        var text = String(key, required, Formats.CheckDuration);
        return text is not null && Formats.TryParseDuration(text, out var value) ? value : null;
    }

    /// <summary>Reads one of a fixed set of words, spelled exactly as listed (as the JSON Schema enum does).</summary>
    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> values, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        var allowed = string.Join(", ", values.Keys.Select(k => $"'{k}'"));
        Error(key, $"'{text}' is not one of {allowed}{Suggestions.DidYouMean(text, values.Keys)}");
        return null;
    }

    public MappingReader Mapping(string key, IReadOnlyCollection<string> knownKeys, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            MissingIf(required, key);
        }
        else if (node is not MappingNode)
        {
            _context.Errors.Add(node.Location, Child(key), $"expected a mapping, found {node.Describe()}");
        }

        return new MappingReader(node as MappingNode, Child(key), node?.Location ?? Location, _context, knownKeys);
    }

    /// <summary>The items of a list, each with its path (<c>dependsOn[1]</c>); empty when absent or not a list.</summary>
    public ImmutableArray<(string Path, YamlNode Node)> Items(string key, bool required = false, string example = "")
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                MissingIf(required, key);
                return [];
            case SequenceNode sequence:
                return [.. sequence.Items.Select((item, i) => (Record($"{Child(key)}[{i}]", item), item))];
            default:
                _context.Errors.Add(node.Location, Child(key), $"expected a list{example}, found {node.Describe()}");
                return [];
        }
    }

    public ImmutableArray<string> Strings(string key, Func<string, string?>? check = null)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var (path, node) in Items(key))
        {
            if (ScalarReading.String(node, path, _context.Errors, check) is { } value)
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }

    public ImmutableArray<int> Integers(string key, int min, int max)
    {
        var values = ImmutableArray.CreateBuilder<int>();
        foreach (var (path, node) in Items(key))
        {
            if (ScalarReading.Integer(node, path, _context.Errors, min, max, "") is { } value)
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }

    /// <summary>The entries of a mapping whose keys are names chosen by the user (flags).</summary>
    public IEnumerable<MappingEntry> Entries => _node?.Entries ?? [];

    private string Record(string path, YamlNode node)
    {
        _context.Locations.Record(path, node.Location);
        return path;
    }

    private void MissingIf(bool required, string key)
    {
        if (required)
        {
            Missing(key);
        }
    }

    private void ReportUnknownAndDuplicateKeys(MappingNode node, IReadOnlyCollection<string> knownKeys)
    {
        if (knownKeys.Count > 0)
        {
            foreach (var entry in node.Entries.Where(e => !knownKeys.Contains(e.Name)))
            {
                var known = string.Join(", ", knownKeys);
                var suggestion = Suggestions.Closest(entry.Name, knownKeys);
                if (suggestion is not null)
                {
                    _suggested.Add(suggestion);
                }

                _context.Errors.Add(entry.Key.Location, Child(entry.Name), (suggestion, Secrets.LooksLikeSecret(entry.Name)) switch
                {
                    (not null, _) => $"unknown key '{entry.Name}'; did you mean '{suggestion}'?",
                    (null, true) => $"unknown key '{entry.Name}'; {Secrets.Advice}",
                    _ => $"unknown key '{entry.Name}'; expected one of {known}",
                });
            }
        }

        foreach (var duplicate in node.DuplicateKeys)
        {
            var first = node.Find(duplicate.Value)!.Key.Location;
            _context.Errors.Add(duplicate.Location, Child(duplicate.Value),
                $"duplicate key '{duplicate.Value}'; it is already set on line {first.Line}");
        }
    }
}
