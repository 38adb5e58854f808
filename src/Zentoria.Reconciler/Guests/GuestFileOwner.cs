namespace Zentoria.Reconciler.Guests;

/// <summary>The owner of a file inside a guest: names (<c>node</c>) or numeric ids (<c>1000</c>), as <c>chown</c> takes them.</summary>
internal sealed record GuestFileOwner(string User, string Group)
{
    public override string ToString() => $"{User}:{Group}";
}
