using System.Runtime.ExceptionServices;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;

namespace Accession.Iscc;

/// <summary>
/// Reads a stream once into a small ring of buffers and hashes them on two threads
/// (shared/specs/iscc-sum.md §8, "run the Data-Code and BLAKE3 concurrently on the same read
/// buffers"): a worker and the reading flow, which works whenever the ring is full, share BLAKE3 and
/// the speculative Data-Code of every buffer (<see cref="SegmentPipeline"/>). Memory stays at the
/// ring whatever the input size. Small inputs are hashed on the calling flow, where a second thread
/// would cost more than it saves.
/// </summary>
internal static class IsccSumPipeline
{
    /// <param name="BufferSize">Bytes per read buffer, the lookahead included.</param>
    /// <param name="BufferCount">Buffers in the ring (at least 2, so reading overlaps hashing).</param>
    /// <param name="SmallInputLimit">Inputs shorter than this are hashed on the calling flow.</param>
    /// <param name="Workers">Threads that hash beside the reading flow.</param>
    internal sealed record Options(int BufferSize, int BufferCount, int SmallInputLimit, int Workers = 1)
    {
        // Segments of a megabyte keep each one in the cache of the core that reads and chunks it.
        public static Options Default { get; } = new(1 << 20, 8, 1 << 20);
    }

    /// <summary>Reads <paramref name="stream"/> to its end and adds it to both hashers (or to <paramref name="data"/> alone when <paramref name="instance"/> is null).</summary>
    public static async Task RunAsync(
        Stream stream, DataHasher data, InstanceHasher? instance, IProgress<long>? progress, Options options, CancellationToken cancellationToken)
    {
        var pipeline = new SegmentPipeline(data, instance, options.BufferSize, options.BufferCount) { ReadAhead = options.Workers + 2 };
        Task[]? workers = null;
        try
        {
            var buffer = await pipeline.NextBufferAsync(help: false, cancellationToken).ConfigureAwait(false);
            var count = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (count < buffer.Length && count < options.SmallInputLimit)
            {
                data.Append(buffer.Span[..count]);
                instance?.Append(buffer.Span[..count]);
                progress?.Report(count);
                return;
            }

            workers = new Task[options.Workers];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(pipeline.RunWorkerAsync, CancellationToken.None);
            }

            var total = 0L;
            while (count > 0)
            {
                pipeline.Commit(count);
                total += count;
                progress?.Report(total);
                if (count < buffer.Length)
                {
                    break;
                }

                buffer = await pipeline.NextBufferAsync(help: true, cancellationToken).ConfigureAwait(false);
                count = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }

            pipeline.EndOfInput();
            await pipeline.WaitUntilDoneAsync(help: true, cancellationToken).ConfigureAwait(false);
            pipeline.Close();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception) when (workers is not null)
        {
            pipeline.Stop();
            await Task.WhenAll(workers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            // Report the caller's token, and a failed step rather than the stop it caused.
            cancellationToken.ThrowIfCancellationRequested();
            if (pipeline.Error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            throw;
        }
        finally
        {
            // Every step has ended by now, so the buffers can go back to the pool.
            pipeline.Dispose();
        }
    }
}
