using System.Globalization;
using Accession.Iscc;

namespace Accession.Omero.Annotation;

/// <summary>
/// The key-value pairs of the service's map annotation, in the order the Python service's README shows
/// them (shared/specs/omero.md §1.2 and §1.7): <c>iscc:sum</c>, <c>iscc:version</c>, <c>iscc:source_file</c>,
/// <c>iscc:timestamp</c>, <c>iscc:processor</c>, then the 256-bit units <c>iscc:data</c> and <c>iscc:inst</c>
/// that the later service wrote. Stateless.
/// </summary>
public static class IsccAnnotation
{
    public const string SumKey = "iscc:sum";
    public const string VersionKey = "iscc:version";
    public const string SourceFileKey = "iscc:source_file";
    public const string TimestampKey = "iscc:timestamp";
    public const string ProcessorKey = "iscc:processor";
    public const string DataKey = "iscc:data";
    public const string InstanceKey = "iscc:inst";

    /// <summary>The value of <c>iscc:version</c> (shared/specs/omero.md §1.2).</summary>
    public const string Version = "1.0";

    /// <summary>The value of <c>iscc:processor</c>, kept from the Python service so queries on it keep working (§1.2).</summary>
    public const string Processor = "omero-iscc-service";

    /// <summary>The pairs for an image whose bytes hashed to <paramref name="result"/>.</summary>
    /// <param name="result">The ISCC-SUM of the image's original files.</param>
    /// <param name="sourceFile">The file name, or the fileset folder with a trailing slash for several files.</param>
    /// <param name="wide">Wide (2×128-bit) ISCC-SUM like the Python service, or narrow.</param>
    /// <param name="timestamp">When the code was computed.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Create(IsccSumResult result, string sourceFile, bool wide, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sourceFile);
        var units = result.Units;
        return
        [
            KeyValuePair.Create(SumKey, result.ToIscc(wide ? Accession.Iscc.Codec.IsccSumWidth.Wide : Accession.Iscc.Codec.IsccSumWidth.Narrow)),
            KeyValuePair.Create(VersionKey, Version),
            KeyValuePair.Create(SourceFileKey, sourceFile),
            KeyValuePair.Create(TimestampKey, timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)),
            KeyValuePair.Create(ProcessorKey, Processor),
            KeyValuePair.Create(DataKey, units[0]),
            KeyValuePair.Create(InstanceKey, units[1]),
        ];
    }

    /// <summary>
    /// Whether an annotation in the service's namespace counts as an ISCC annotation: some key starts with
    /// <c>iscc:</c> (the Python service's skip rule, shared/specs/omero.md §1.1).
    /// </summary>
    public static bool IsIscc(IEnumerable<KeyValuePair<string, string>> values) =>
        values.Any(pair => pair.Key.StartsWith("iscc:", StringComparison.Ordinal));
}
