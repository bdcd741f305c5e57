using Accession.Iscc.DataCode;

namespace Accession.Iscc.Tests.DataCode;

/// <summary>
/// Speculative segments over a whole buffer, without the ring of the product's pipeline: the
/// segment lengths and thread counts are the test's to choose, so the join rule of
/// <see cref="SpeculativeSegment"/> is exercised at any offset.
/// </summary>
internal static class SpeculativeAppend
{
    /// <summary>
    /// Adds <paramref name="source"/> to <paramref name="hasher"/> cut into segments of
    /// <paramref name="segmentLength"/> bytes that <paramref name="threads"/> threads (the calling one
    /// among them) chunk speculatively, then joins them in order with <see cref="DataHasher.AppendSegment"/>.
    /// </summary>
    public static void AppendParallel(this DataHasher hasher, ReadOnlyMemory<byte> source, int threads, int segmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentLength, 1);
        var segments = new SpeculativeSegment[(source.Length + segmentLength - 1) / segmentLength];
        for (var k = 0; k < segments.Length; k++)
        {
            var start = k * segmentLength;
            var length = Math.Min(segmentLength, source.Length - start);
            segments[k] = new SpeculativeSegment();
            segments[k].Set(source[start..Math.Min(source.Length, start + length + CdcConstants.MaxSize)], length);
        }

        var next = -1;
        void Help()
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < segments.Length)
            {
                if (segments[k].CanSpeculate)
                {
                    segments[k].Chunk();
                }
            }
        }

        var helpers = new Task[threads - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Run(Help);
        }

        Help();
        Task.WaitAll(helpers);
        foreach (var segment in segments)
        {
            hasher.AppendSegment(segment);
        }
    }
}
