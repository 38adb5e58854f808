namespace Zentoria.Reconciler.DesiredState.Yaml;

internal sealed record MappingEntry(ScalarNode Key, YamlNode Value)
{
    public string Name => Key.Value;
}
