namespace Accession.Iscc.DataCode;

/// <summary>Appending one large piece of memory on several threads (see <see cref="SpeculativeChunking"/>).</summary>
public sealed partial class DataHasher
{
    private SpeculativeChunking? _speculation;
    private unsafe byte* _parallelData;
    private int _parallelLength;
    private SpeculationCounters _speculationCounters;

    /// <summary>What speculation cost since this hasher was created (not cleared by <see cref="Reset"/>).</summary>
    internal SpeculationCounters Speculation => _speculationCounters;

    /// <summary>
    /// Adds <paramref name="source"/> using <paramref name="threads"/> threads (the calling one among
    /// them); the hash equals that of <see cref="Append(ReadOnlySpan{byte})"/>.
    /// </summary>
    /// <param name="source">The bytes to add.</param>
    /// <param name="threads">How many threads chunk segments speculatively.</param>
    /// <param name="segmentLength">Bytes per segment; 0 picks one for the length and thread count.</param>
    internal unsafe void AppendParallel(ReadOnlySpan<byte> source, int threads, int segmentLength = 0)
    {
        fixed (byte* data = source)
        {
            var speculation = BeginAppendParallel(data, source.Length, threads, segmentLength);
            var helpers = new Task[threads - 1];
            for (var i = 0; i < helpers.Length; i++)
            {
                helpers[i] = Task.Run(speculation.Help);
            }

            speculation.Help();
            Task.WaitAll(helpers);
            EndAppendParallel();
        }
    }

    /// <summary>
    /// Starts adding <paramref name="length"/> bytes at <paramref name="data"/>: finishes the chunks
    /// that start among the pending bytes here, and returns the speculation on which any threads then
    /// call <see cref="SpeculativeChunking.Help"/>. After every Help has returned, call
    /// <see cref="EndAppendParallel"/>; the memory must stay unchanged until then.
    /// </summary>
    internal unsafe SpeculativeChunking BeginAppendParallel(byte* data, int length, int threads, int segmentLength = 0)
    {
        var source = new ReadOnlySpan<byte>(data, length);
        _speculation ??= new SpeculativeChunking();
        if (length == 0 || (_pending > 0 && length <= CdcConstants.MaxSize))
        {
            // Too short to end the pending chunks: add it now and leave the speculation empty.
            Append(source);
            _parallelData = data;
            _parallelLength = 0;
            _speculation.Start(data, 0, SpeculativeChunking.DefaultSegmentLength);
            return _speculation;
        }

        _length += length;
        var taken = FinishPending(source);
        _parallelData = data + taken;
        _parallelLength = length - taken;
        _speculation.Start(_parallelData, _parallelLength, segmentLength > 0 ? segmentLength : SpeculativeChunking.SegmentLengthFor(_parallelLength, threads));
        return _speculation;
    }

    /// <summary>Joins the speculative segments to the exact chain and keeps the last chunk as the tail carry.</summary>
    internal unsafe void EndAppendParallel()
    {
        if (_parallelLength == 0 || _speculation is null)
        {
            return;
        }

        var tailStart = _speculation.Join(_minima, ref _speculationCounters);
        new ReadOnlySpan<byte>(_parallelData + tailStart, _parallelLength - tailStart).CopyTo(_buffer);
        _pending = _parallelLength - tailStart;
        _parallelLength = 0;
    }
}
