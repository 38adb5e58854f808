namespace Zentoria.Reconciler.DesiredState;

/// <summary>The <c>metadata.name</c> of a Service document, such as <c>mcp-gateway</c>.</summary>
internal readonly record struct ServiceName(string Value)
{
    public override string ToString() => Value;
}
