using Accession.Iscc.Platform;
using Microsoft.Win32.SafeHandles;

namespace Accession.Iscc;

// Input read from a file by the working threads themselves, instead of from a producer.
internal sealed partial class SegmentPipeline
{
    /// <summary>
    /// Takes the input from <paramref name="length"/> bytes of <paramref name="file"/> from
    /// <paramref name="start"/> on instead of from a producer: the working threads read the segments
    /// themselves. Call once, before any work, then <see cref="WorkOnFile"/> on every working thread.
    /// A file that is shorter than that when read fails the run with an <see cref="IOException"/>.
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

    /// <summary>
    /// Works on the file's segments on the calling thread until every one is hashed and joined.
    /// While the other threads hold all the work that is left, the thread blocks on the gate: it
    /// neither spins nor goes through the thread pool, so a file's run starts and wakes nothing but
    /// its own threads.
    /// </summary>
    /// <exception cref="OperationCanceledException">The run stopped first (<see cref="Stop"/>, or a step failed: <see cref="Error"/>).</exception>
    public void WorkOnFile()
    {
        while (true)
        {
            Step step;
            lock (_gate)
            {
                while ((step = TakeStep()).Kind == StepKind.None)
                {
                    if (_stop.IsCancellationRequested)
                    {
                        throw new OperationCanceledException("The hashing stopped.", _stop.Token);
                    }

                    if (IsDone())
                    {
                        return;
                    }

                    _blockedWorkers++;
                    Monitor.Wait(_gate);
                    _blockedWorkers--;
                }
            }

            Run(step);
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
