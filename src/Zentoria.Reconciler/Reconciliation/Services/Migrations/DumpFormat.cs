using System.Globalization;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>
/// Tells a PostgreSQL dump from a file that only looks like one: <c>pg_dump -Fc</c> output starts with the magic
/// <c>PGDMP</c>; plain SQL output starts with the <c>PostgreSQL database dump</c> header and, when pg_dump got to
/// the end, closes with <c>PostgreSQL database dump complete</c>.
/// </summary>
/// <remarks>
/// A dump cut short by a full disk or a killed pg_dump still has a valid header; only the plain format says it
/// finished, so only there is the end checked. Tar and directory formats are not recognised: use <c>-Fc</c>.
/// </remarks>
internal static class DumpFormat
{
    public const int HeadBytes = 64;
    public const int TailBytes = 256;

    private const string CustomMagic = "PGDMP";
    private const string PlainHeader = "-- PostgreSQL database dump";
    private const string PlainTrailer = "-- PostgreSQL database dump complete";

    /// <returns>Why the file is not a usable dump, or null when it is.</returns>
    public static string? Problem(long size, string head, string tail)
    {
        if (size <= 0)
        {
            return "the dump file is empty";
        }

        if (head.StartsWith(CustomMagic, StringComparison.Ordinal))
        {
            return null;
        }

        if (head.StartsWith("--", StringComparison.Ordinal) && head.Contains(PlainHeader, StringComparison.Ordinal))
        {
            return tail.Contains(PlainTrailer, StringComparison.Ordinal)
                ? null
                : "the plain dump does not end with '-- PostgreSQL database dump complete': pg_dump did not finish";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"the {size}-byte file is not a PostgreSQL dump (neither the custom format's PGDMP magic nor a plain dump's header)");
    }
}
