using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Yaml;

/// <summary>
/// Builds <see cref="YamlNode"/> trees from YamlDotNet's event parser. The representation model of YamlDotNet
/// throws on the first duplicate key; reading events keeps every position and lets duplicates be reported
/// together with everything else.
/// </summary>
internal sealed class YamlReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly string _file;
    private readonly Scanner _scanner;
    private readonly Parser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

    private YamlReader(string file, TextReader text)
    {
        _file = file;
        _scanner = new Scanner(text);
        _parser = new Parser(_scanner);
    }

    /// <param name="file">The path as errors print it.</param>
    public static YamlFile Read(string file, string text)
    {
        using var reader = new StringReader(text);
        var yaml = new YamlReader(file, reader);
        try
        {
            var documents = yaml.ReadStream();
            return documents.IsEmpty
                ? new YamlFile(file, [], [new ValidationError(new SourceLocation(file, 1, 1), "", "the file is empty; it needs at least one document")])
                : new YamlFile(file, documents, []);
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column);
            return new YamlFile(file, [], [new ValidationError(at, "", "YAML syntax error: " + PlainMessage(e))]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections.
            var at = yaml.At(yaml._scanner.CurrentPosition);
            return new YamlFile(file, [], [new ValidationError(at, "", "YAML syntax error: cannot read past this point; is a bracket or a quote left open?")]);
        }
    }

    private ImmutableArray<YamlNode> ReadStream()
    {
        var documents = ImmutableArray.CreateBuilder<YamlNode>();
        _parser.Consume<StreamStart>();
        while (!_parser.Accept<StreamEnd>(out _))
        {
            var start = _parser.Consume<DocumentStart>();
            _anchors.Clear();
            var node = ReadNode();

            // An empty document has no node of its own to point at; its "---" is where the user looks.
            documents.Add(node is ScalarNode { IsNull: true, Value: "" } ? node with { Location = At(start.Start) } : node);
            _parser.Consume<DocumentEnd>();
        }

        return documents.ToImmutable();
    }

    private YamlNode ReadNode()
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the document");
        var node = current switch
        {
            Scalar scalar => ReadScalar(scalar),
            SequenceStart start => ReadSequence(start),
            MappingStart start => ReadMapping(start),
            AnchorAlias alias => ReadAlias(alias),
            _ => throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}"),
        };
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private ScalarNode ReadScalar(Scalar scalar)
    {
        _parser.MoveNext();
        var quoted = scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag) ||
                     (!scalar.Tag.IsEmpty && scalar.Tag.Value == "!");
        return new ScalarNode(scalar.Value, quoted, At(scalar.Start));
    }

    private SequenceNode ReadSequence(SequenceStart start)
    {
        _parser.MoveNext();
        var items = ImmutableArray.CreateBuilder<YamlNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode());
        }

        return new SequenceNode(items.ToImmutable(), At(start.Start));
    }

    private MappingNode ReadMapping(MappingStart start)
    {
        _parser.MoveNext();
        var entries = new List<MappingEntry>();
        var duplicates = ImmutableArray.CreateBuilder<ScalarNode>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            if (ReadNode() is not ScalarNode key)
            {
                throw new YamlException(keyEvent.Start, keyEvent.End, "a mapping key must be a plain value, not a list or a mapping");
            }

            var value = ReadNode();
            var existing = entries.FindIndex(e => e.Name == key.Value);
            if (existing >= 0)
            {
                duplicates.Add(key);
                entries[existing] = new MappingEntry(entries[existing].Key, value);
            }
            else
            {
                entries.Add(new MappingEntry(key, value));
            }
        }

        return new MappingNode([.. entries], duplicates.ToImmutable(), [], At(start.Start));
    }

    private YamlNode ReadAlias(AnchorAlias alias)
    {
        _parser.MoveNext();
        return _anchors.TryGetValue(alias.Value.Value, out var node)
            ? node
            : throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value} names no anchor");
    }

    private SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 40) - (Line: 3, Col: 6, Idx: 41): "; the
    // position is already in front of the error, once.
    private static string PlainMessage(YamlException e)
    {
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message[(marker + 3)..];
        }

        message = message.TrimEnd('.');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }
}
