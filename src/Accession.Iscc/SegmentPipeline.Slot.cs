using Accession.Iscc.DataCode;

namespace Accession.Iscc;

// The ring's buffers.
internal sealed partial class SegmentPipeline
{
    /// <summary>One ring buffer and the segment it holds.</summary>
    private sealed class Slot(byte[] buffer)
    {
        public byte[] Buffer { get; } = buffer;

        public SpeculativeSegment Segment { get; } = new();

        public int Count { get; set; }

        /// <summary>Whether the segment needs no more chunking before it is joined.</summary>
        public bool IsChunked { get; set; }

        /// <summary>Sets the segment with the <paramref name="lookahead"/> bytes now behind it; without a whole one it is not chunked.</summary>
        public void MakeReady(int lookahead)
        {
            Segment.Set(Buffer.AsMemory(0, Count + lookahead), Count);
            IsChunked = !Segment.CanSpeculate;
        }
    }
}
