using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Yaml;

/// <summary>A parsed file: its documents in order, or the errors that made it unreadable.</summary>
internal sealed record YamlFile(string Path, ImmutableArray<YamlNode> Documents, ImmutableArray<ValidationError> Errors);
