using System.IO.Hashing;

namespace Accession.Iscc.DataCode;

/// <summary>Appending segments chunked speculatively on other threads (see <see cref="SpeculativeSegment"/>).</summary>
public sealed partial class DataHasher
{
    // Bytes past the last appended segment that the exact chain has already chunked (they were that
    // segment's lookahead); the next append skips them. Only ever non-zero with nothing pending.
    private int _chunkedAhead;
    private SpeculationCounters _speculationCounters;

    /// <summary>What speculation cost since this hasher was created (not cleared by <see cref="Reset"/>).</summary>
    internal SpeculationCounters Speculation => _speculationCounters;

    /// <summary>
    /// Adds the next segment of the input. If it was chunked speculatively, its chunks are joined to
    /// the exact chain; otherwise its bytes are appended as by <see cref="Append(ReadOnlySpan{byte})"/>.
    /// A segment's lookahead must be the bytes appended next.
    /// </summary>
    internal void AppendSegment(SpeculativeSegment segment)
    {
        var bytes = segment.Bytes.Span;
        if (!segment.IsChunked)
        {
            Append(bytes[..segment.Length]);
            return;
        }

        _length += segment.Length;
        _speculationCounters.Segments++;

        // Where the exact chain enters the segment: the chunks that start among the pending bytes end
        // inside its lookahead at the latest.
        var exact = _pending > 0 ? FinishPending(bytes) : _chunkedAhead;
        var starts = segment.Starts;
        var j = 0;
        while (exact < segment.Length)
        {
            while (j < starts.Length && starts[j] < exact)
            {
                j++;
            }

            if (j < starts.Length && starts[j] == exact)
            {
                break;
            }

            var cut = CdcChunker.FindCutPoint(bytes[exact..(segment.Length + CdcConstants.MaxSize)]);
            AddFeature(XxHash32.HashToUInt32(bytes.Slice(exact, cut)));
            _speculationCounters.SerialBytes += cut;
            exact += cut;
        }

        if (exact >= segment.Length)
        {
            // No shared start: the joiner chunked the segment itself (or the chain skipped it).
            _speculationCounters.DiscardedBytes += segment.End;
            _chunkedAhead = exact - segment.Length;
            return;
        }

        _speculationCounters.Joins++;
        _speculationCounters.DiscardedBytes += exact;
        var features = segment.Features;
        if (j <= segment.SuffixFrom)
        {
            MinHash.Update(_minima, features[j..segment.SuffixFrom]);
            for (var i = 0; i < MinHash.Permutations; i++)
            {
                _minima[i] = Math.Min(_minima[i], segment.SuffixMinima[i]);
            }
        }
        else
        {
            MinHash.Update(_minima, features[j..]);
        }

        _chunkedAhead = segment.End - segment.Length;
    }
}
