namespace Zentoria.Reconciler.Proxmox;

/// <summary>A secret that prints as <c>***</c>: records and exceptions that hold one cannot leak it by accident.</summary>
internal sealed class SecretString(string value)
{
    public string Reveal() => value;

    public override string ToString() => "***";
}
