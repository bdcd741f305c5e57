namespace Accession.Pennsieve.Import;

/// <summary>
/// Splits a manifest into request-sized batches the way the Python processor's
/// <c>calculate_batch_size</c> does (shared/specs/pennsieve-import.md §1.10), so the first request
/// and each append stay under the API gateway's payload limit.
/// </summary>
public static class ManifestBatches
{
    /// <summary><c>MAX_REQUEST_SIZE_BYTES</c> (§1.10).</summary>
    public const int MaxRequestBytes = 1 << 20;

    /// <summary>Bytes kept free for the rest of the body (§1.10: −500).</summary>
    public const int EnvelopeBytes = 500;

    /// <summary>Safety factor on the estimate (§1.10: ×0.8).</summary>
    public const double SafetyFactor = 0.8;

    /// <summary>How many files the average entry size is taken from (§1.10).</summary>
    public const int SampleSize = 100;

    /// <summary><c>DEFAULT_BATCH_SIZE</c>, used only for an empty list (§1.10).</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>Files per batch for these paths: usable bytes over the average entry size of the first 100.</summary>
    public static int BatchSize(IReadOnlyList<string> filePaths)
    {
        ArgumentNullException.ThrowIfNull(filePaths);
        if (filePaths.Count == 0)
        {
            return DefaultBatchSize;
        }

        var sample = Math.Min(SampleSize, filePaths.Count);
        long total = 0;
        for (var i = 0; i < sample; i++)
        {
            total += EntryBytes(filePaths[i]);
        }

        var average = (double)total / sample;
        var usable = (MaxRequestBytes - EnvelopeBytes) * SafetyFactor;
        return Math.Max(1, (int)(usable / average));
    }

    /// <summary>
    /// The length of <c>json.dumps({"upload_key": uuid, "file_path": path}, separators=(",", ":"))</c>
    /// plus one: 69 + the escaped path (non-ASCII as <c>\uXXXX</c>, quote and backslash doubled, control characters escaped).
    /// </summary>
    public static int EntryBytes(string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        var length = 69;
        foreach (var c in filePath)
        {
            length += c switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < ' ' or > '~' => 6,
                _ => 1,
            };
        }

        return length;
    }

    /// <summary>Cuts <paramref name="count"/> items into consecutive ranges of at most <paramref name="batchSize"/>.</summary>
    public static IReadOnlyList<Range> Split(int count, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var ranges = new List<Range>((count + batchSize - 1) / batchSize);
        for (var start = 0; start < count; start += batchSize)
        {
            ranges.Add(new Range(start, Math.Min(count, start + batchSize)));
        }

        return ranges;
    }
}
