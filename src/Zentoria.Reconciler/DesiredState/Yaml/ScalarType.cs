namespace Zentoria.Reconciler.DesiredState.Yaml;

/// <summary>What a scalar resolves to under the YAML 1.2 core schema (the one JSON Schema tools use too).</summary>
internal enum ScalarType
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
