using System.Buffers;
using System.Threading.Channels;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;

namespace Accession.Iscc;

/// <summary>
/// Reads a stream once into a small ring of large buffers and hashes each buffer on two threads at
/// the same time: the Data-Code on a worker, BLAKE3 on the reading flow (shared/specs/iscc-sum.md §8,
/// "run the Data-Code and BLAKE3 concurrently on the same read buffers"). A buffer goes back to the
/// ring when both are done with it, so memory stays constant whatever the input size. Small inputs
/// are hashed on the calling flow, where a second thread would cost more than it saves.
/// </summary>
internal static class IsccSumPipeline
{
    /// <param name="BufferSize">Bytes per read buffer.</param>
    /// <param name="BufferCount">Buffers in the ring (at least 2, so reading overlaps hashing).</param>
    /// <param name="SmallInputLimit">Inputs shorter than this are hashed on the calling flow.</param>
    internal sealed record Options(int BufferSize, int BufferCount, int SmallInputLimit)
    {
        public static Options Default { get; } = new(4 << 20, 4, 1 << 20);
    }

    public static async Task RunAsync(
        Stream stream, DataHasher data, InstanceHasher instance, IProgress<long>? progress, Options options, CancellationToken cancellationToken)
    {
        var first = new Slot(ArrayPool<byte>.Shared.Rent(options.BufferSize), options.BufferSize);
        List<Slot> slots = [first];
        try
        {
            first.Count = await first.FillAsync(stream, cancellationToken).ConfigureAwait(false);
            if (!first.IsFull && first.Count < options.SmallInputLimit)
            {
                data.Append(first.Span);
                instance.Append(first.Span);
                progress?.Report(first.Count);
                return;
            }

            await RunRingAsync(stream, data, instance, progress, options, slots, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every consumer has finished by now, so the buffers can go back to the pool.
            foreach (var slot in slots)
            {
                ArrayPool<byte>.Shared.Return(slot.Buffer);
            }
        }
    }

    private static async Task RunRingAsync(
        Stream stream, DataHasher data, InstanceHasher instance, IProgress<long>? progress, Options options, List<Slot> slots, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filled = Channel.CreateBounded<Slot>(new BoundedChannelOptions(options.BufferCount) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<Slot>(new UnboundedChannelOptions { SingleReader = true });
        var worker = Task.Run(() => HashDataAsync(filled.Reader, free.Writer, data, stop), CancellationToken.None);
        try
        {
            var slot = slots[0];
            var total = (long)slot.Count;
            while (true)
            {
                slot.Pending = 2;
                await filled.Writer.WriteAsync(slot, stop.Token).ConfigureAwait(false);
                instance.Append(slot.Span);
                Release(slot, free.Writer);
                progress?.Report(total);
                if (!slot.IsFull)
                {
                    break;
                }

                slot = await NextFreeSlotAsync(free.Reader, slots, options, stop.Token).ConfigureAwait(false);
                slot.Count = await slot.FillAsync(stream, stop.Token).ConfigureAwait(false);
                if (slot.Count == 0)
                {
                    break;
                }

                total += slot.Count;
            }

            filled.Writer.Complete();
        }
        catch (Exception readError)
        {
            stop.Cancel();
            filled.Writer.TryComplete();
            try
            {
                await worker.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The worker stopped because of this error.
            }
            catch (Exception) when (readError is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The reader was only stopped because the worker failed: the worker's error is the cause.
                throw;
            }

            // Report the caller's token, not the internal linked one.
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }

        await worker.ConfigureAwait(false);
    }

    private static async Task HashDataAsync(ChannelReader<Slot> filled, ChannelWriter<Slot> free, DataHasher data, CancellationTokenSource stop)
    {
        try
        {
            while (await filled.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (filled.TryRead(out var slot))
                {
                    data.Append(slot.Span);
                    Release(slot, free);
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Wake the reader, which may be waiting for a free buffer that will never come.
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask<Slot> NextFreeSlotAsync(ChannelReader<Slot> free, List<Slot> slots, Options options, CancellationToken cancellationToken)
    {
        if (free.TryRead(out var slot))
        {
            return slot;
        }

        if (slots.Count < options.BufferCount)
        {
            slot = new Slot(ArrayPool<byte>.Shared.Rent(options.BufferSize), options.BufferSize);
            slots.Add(slot);
            return slot;
        }

        return await free.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks one consumer done with a buffer; the second one returns it to the ring.</summary>
    private static void Release(Slot slot, ChannelWriter<Slot> free)
    {
        if (Interlocked.Decrement(ref slot.Pending) == 0)
        {
            free.TryWrite(slot);
        }
    }

    private sealed class Slot(byte[] buffer, int size)
    {
        public int Pending;

        public byte[] Buffer { get; } = buffer;

        public int Count { get; set; }

        public bool IsFull => Count == size;

        public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Count);

        /// <summary>Reads until the buffer is full or the stream ends.</summary>
        public async ValueTask<int> FillAsync(Stream stream, CancellationToken cancellationToken) =>
            await stream.ReadAtLeastAsync(Buffer.AsMemory(0, size), size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
    }
}
