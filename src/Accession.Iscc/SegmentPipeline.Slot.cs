using System.Buffers;
using Accession.Iscc.DataCode;

namespace Accession.Iscc;

// The ring's buffers.
internal sealed partial class SegmentPipeline
{
    /// <summary>
    /// The slot for segment <paramref name="sequence"/> (under the gate). A new segment takes the slot
    /// released last: its buffer is the one most likely still in the cache, and a run touches only as
    /// many buffers as it holds at once, not the whole ring, each new one costing page faults. Taking
    /// the ring's slots in turn cost 6–9 % more CPU on a gigabyte (docs/performance.md).
    /// </summary>
    private Slot ClaimSlot(long sequence)
    {
        ref var slot = ref _ring[sequence % _ring.Length];
        if (slot is null && !_idle.TryPop(out slot))
        {
            slot = new Slot(ArrayPool<byte>.Shared.Rent(_bufferSize));
            BuffersTaken++;
        }

        return slot;
    }

    /// <summary>Moves the slots of released segments to the idle ones (under the gate).</summary>
    private void RecycleReleased()
    {
        var released = Released;
        while (_recycled < released)
        {
            var index = _recycled++ % _ring.Length;
            _idle.Push(_ring[index]!);
            _ring[index] = null;
        }
    }

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
