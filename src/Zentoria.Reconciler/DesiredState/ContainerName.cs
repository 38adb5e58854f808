namespace Zentoria.Reconciler.DesiredState;

/// <summary>The <c>metadata.name</c> of a Container document, such as <c>backend</c>; not its hostname.</summary>
internal readonly record struct ContainerName(string Value)
{
    public override string ToString() => Value;
}
