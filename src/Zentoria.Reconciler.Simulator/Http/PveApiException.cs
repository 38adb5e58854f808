namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>
/// A handler's <c>die</c>: becomes an error response. Proxmox messages usually end in a newline; the reason
/// phrase is the first line of the message.
/// </summary>
internal sealed class PveApiException : Exception
{
    public PveApiException(int statusCode, string message, IReadOnlyDictionary<string, string>? errors = null)
        : base(message)
    {
        StatusCode = statusCode;
        Errors = errors;
    }

    public PveApiException()
        : this(500, "internal error\n")
    {
    }

    public PveApiException(string message)
        : this(500, message)
    {
    }

    public PveApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
    }

    public int StatusCode { get; }

    public IReadOnlyDictionary<string, string>? Errors { get; }

    /// <summary>A 500 with the given text; a trailing newline is added as the Perl code does with <c>die "...\n"</c>.</summary>
    public static PveApiException Internal(string text) => new(500, text.EndsWith('\n') ? text : text + "\n");

    public static PveApiException Parameter(string name, string text) =>
        new(400, "Parameter verification failed.\n", new Dictionary<string, string> { [name] = text });

    public static PveApiException Forbidden(string path, string privilege) =>
        new(403, $"Permission check failed ({path}, {privilege})\n");

    public static PveApiException ConfigMissing(string node, int vmid) =>
        Internal($"Configuration file 'nodes/{node}/lxc/{vmid}.conf' does not exist");

    public static PveApiException Locked(string lockName) => Internal($"CT is locked ({lockName})");
}
