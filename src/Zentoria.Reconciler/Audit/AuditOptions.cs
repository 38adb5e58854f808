using System.ComponentModel.DataAnnotations;

namespace Zentoria.Reconciler.Audit;

/// <summary>Rotation of <c>audit.jsonl</c> in the state folder.</summary>
internal sealed class AuditOptions
{
    /// <summary>The size past which the current file is rotated before the next line is appended.</summary>
    /// <value>10 MiB.</value>
    [Range(1024L, 1L << 34)]
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How many rotated files (<c>audit.1.jsonl</c> newest … <c>audit.N.jsonl</c> oldest) are kept besides the current one.</summary>
    /// <value>5.</value>
    [Range(1, 1000)]
    public int KeepFiles { get; set; } = 5;
}
