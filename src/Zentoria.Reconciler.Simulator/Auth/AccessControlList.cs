namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>
/// The privileges a token has, by ACL path (<c>/</c>, <c>/vms</c>, <c>/vms/101</c>, <c>/storage/local</c>).
/// The most specific path that has an entry decides, as a more specific ACL overrides an inherited one in PVE.
/// </summary>
internal sealed class AccessControlList
{
    private readonly Dictionary<string, HashSet<string>> _entries = new(StringComparer.Ordinal);

    /// <summary>A fresh privilege-separated token: no rights at all.</summary>
    public static AccessControlList Empty() => new();

    public AccessControlList Grant(string path, params string[] privileges)
    {
        if (!_entries.TryGetValue(path, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            _entries[path] = set;
        }

        set.UnionWith(privileges);
        return this;
    }

    public bool Allows(string path, string privilege)
    {
        var current = path;
        while (true)
        {
            if (_entries.TryGetValue(current, out var privileges))
            {
                return privileges.Contains(privilege);
            }

            if (current == "/")
            {
                return false;
            }

            var cut = current.LastIndexOf('/');
            current = cut <= 0 ? "/" : current[..cut];
        }
    }
}
