namespace Zentoria.Reconciler.DesiredState.Yaml;

/// <summary>A node of a YAML document that remembers where it was written, so every error can point at it.</summary>
internal abstract record YamlNode(SourceLocation Location)
{
    /// <summary>How the node reads in an error message, such as <c>a list</c> or <c>the string "abc"</c>.</summary>
    public abstract string Describe();
}
