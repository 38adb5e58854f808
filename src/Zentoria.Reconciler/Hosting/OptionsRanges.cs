namespace Zentoria.Reconciler.Hosting;

/// <summary>Why the options classes may carry <c>[Range(typeof(TimeSpan), ...)]</c> in a Native AOT build.</summary>
internal static class OptionsRanges
{
    /// <remarks>
    /// The attribute's constructor parses its bounds through a TypeConverter, which trimming may break; but nothing
    /// constructs it. The checks run in the [OptionsValidator] validators, whose generated code compares against
    /// bounds parsed at build time, and nothing reads these attributes through reflection.
    /// </remarks>
    public const string Justification = "Read only by the source-generated options validators, never through reflection.";
}
