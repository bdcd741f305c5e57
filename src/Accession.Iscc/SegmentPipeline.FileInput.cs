using Accession.Iscc.Platform;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc;

// Input read from a file by the working threads themselves, instead of from a producer.
internal sealed partial class SegmentPipeline
{
    /// <summary>
    /// Takes the input from <paramref name="length"/> bytes of <paramref name="file"/> from
    /// <paramref name="start"/> on instead of from a producer: the working threads read the segments
    /// themselves. Call once, before any work, then <see cref="WaitUntilDoneAsync"/>. A file that is
    /// shorter than that when read fails the run with an <see cref="IOException"/>.
    /// </summary>
    public void ReadFile(SafeFileHandle file, long start, long length)
    {
        if (SegmentLength == _bufferSize)
        {
            throw new InvalidOperationException("Reading a file needs buffers with room for a lookahead.");
        }

        lock (_gate)
        {
            _file = file;
            _fileStart = start;
            _fileLength = length;
            _fileSegments = (length + SegmentLength - 1) / SegmentLength;
            Wake();
        }
    }

    /// <summary>Reads segment <paramref name="sequence"/> of the file with its lookahead, and sets it.</summary>
    private void ReadSegment(Slot slot, long sequence)
    {
        var offset = sequence * SegmentLength;
        var wanted = (int)Math.Min(_bufferSize, _fileLength - offset);
        var buffer = slot.Buffer.AsSpan(0, wanted);
        var filled = 0;
        while (filled < wanted)
        {
            var read = RandomAccess.Read(_file!, buffer[filled..], _fileStart + offset + filled);
            if (read == 0)
            {
                throw new IOException(MappedMemory.FileChangedMessage);
            }

            filled += read;
        }

        // Whether it is chunked is set under the gate once the step is done (MakeReady would set it here).
        slot.Count = (int)Math.Min(SegmentLength, _fileLength - offset);
        slot.Segment.Set(slot.Buffer.AsMemory(0, wanted), slot.Count);
    }
}
