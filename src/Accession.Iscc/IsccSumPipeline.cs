using System.Runtime.ExceptionServices;
using Accession.Iscc.DataCode;
using Accession.Iscc.InstanceCode;
using Accession.Iscc.Platform;

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
        if (stream is FileStream { CanSeek: true, IsAsync: false } file && file.Length - file.Position >= options.SmallInputLimit)
        {
            // Each thread holds the segment it chunks and at most one more that waits for an earlier
            // one's join; a thread that runs further ahead only takes more buffers, whose first use
            // costs page faults (about 5 % more CPU on a gigabyte with eight; docs/performance.md).
            var ringLength = Math.Min(options.BufferCount, 2 * (options.Workers + 1));
            using var filePipeline = new SegmentPipeline(data, instance, options.BufferSize, ringLength) { Progress = progress };
            if (filePipeline.SegmentLength < options.BufferSize)
            {
                await HashFileAsync(file, filePipeline, options, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        using var pipeline = new SegmentPipeline(data, instance, options.BufferSize, options.BufferCount) { ReadAhead = options.Workers + 2, Progress = progress };

        var buffer = await pipeline.NextBufferAsync(help: false, cancellationToken).ConfigureAwait(false);
        var count = await FillAsync(stream, buffer, cancellationToken).ConfigureAwait(false);
        if (count < buffer.Length && count < options.SmallInputLimit)
        {
            data.Append(buffer.Span[..count]);
            instance?.Append(buffer.Span[..count]);
            progress?.Report(count);
            return;
        }

        await RunWorkersAsync(pipeline, options, () => Task.Run(pipeline.RunWorkerAsync, CancellationToken.None), async () =>
        {
            while (count > 0)
            {
                pipeline.Commit(count);
                if (count < buffer.Length)
                {
                    break;
                }

                buffer = await pipeline.NextBufferAsync(help: true, cancellationToken).ConfigureAwait(false);
                count = await FillAsync(stream, buffer, cancellationToken).ConfigureAwait(false);
            }

            pipeline.EndOfInput();
            await pipeline.WaitUntilDoneAsync(help: true, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A regular file: the threads read the segments they chunk themselves (positional reads), so the
    /// bytes are in the cache of the core that chunks them; the stream ends up at the file's end. The
    /// calling thread works beside threads of their own, which block while they wait: the run needs
    /// nothing from the thread pool, whose machinery otherwise cost CPU of its own at every hand-over.
    /// </summary>
    private static async Task HashFileAsync(FileStream file, SegmentPipeline pipeline, Options options, CancellationToken cancellationToken)
    {
        var start = file.Position;
        var length = file.Length - start;
        var handle = file.SafeFileHandle;
        pipeline.ReadFile(handle, start, length);
        using (cancellationToken.Register(pipeline.Stop))
        {
            await RunWorkersAsync(
                pipeline,
                options,
                () => Task.Factory.StartNew(
                    () =>
                    {
                        // The calling thread compiles the chunker with its first segment meanwhile.
                        SpeculativeSegment.PrepareFeatureKernels();
                        pipeline.WorkOnFile();
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default),
                () =>
                {
                    pipeline.WorkOnFile();
                    return Task.CompletedTask;
                },
                cancellationToken).ConfigureAwait(false);
        }

        // A file that grew meanwhile has bytes that were not hashed.
        if (RandomAccess.Read(handle, new byte[1], start + length) > 0)
        {
            throw new IOException(MappedMemory.FileChangedMessage);
        }

        file.Position = start + length;
    }

    /// <summary>Runs <paramref name="produce"/> on the calling flow beside the workers <paramref name="startWorker"/> starts, and stops them all if anything fails.</summary>
    private static async Task RunWorkersAsync(SegmentPipeline pipeline, Options options, Func<Task> startWorker, Func<Task> produce, CancellationToken cancellationToken)
    {
        var workers = new Task[options.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = startWorker();
        }

        try
        {
            await produce().ConfigureAwait(false);
            pipeline.Close();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception)
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
    }

    /// <summary>
    /// Reads until the buffer is full or the stream ends. Regular files are read on the calling thread:
    /// on Unix a FileStream's asynchronous read runs on a pool thread, which leaves the bytes in
    /// another core's cache and made the hashing of them a third slower where measured.
    /// </summary>
    private static async ValueTask<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (stream is FileStream { IsAsync: false, CanSeek: true })
        {
            cancellationToken.ThrowIfCancellationRequested();
            return stream.ReadAtLeast(buffer.Span, buffer.Length, throwOnEndOfStream: false);
        }

        return await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
    }
}
