using System.IO.MemoryMappedFiles;

namespace Accession.Iscc.Platform;

/// <summary>
/// Hashes a regular file through memory-mapped windows: no copy from the page cache into read
/// buffers (the copy costs a third of a core at 1.5 GB/s), and the Data-Code and the Instance-Code
/// walk the same mapped window on two threads. The Instance-Code (BLAKE3) takes about half the time
/// of the Data-Code, so once it is done with a window its thread helps with the Data-Code of that
/// window (<see cref="ISharedWindowConsumer"/>). One window is mapped at a time, so the memory
/// in use stays constant whatever the file size. Only for <see cref="FileReadMode.MemoryMapped"/>:
/// a file cut short while a window is mapped ends the process (see <see cref="MappedMemory"/>).
/// </summary>
internal static class MappedFileHashing
{
    /// <summary>Files smaller than this are read normally: mapping costs more than it saves.</summary>
    public const long MinimumLength = 1 << 20;

    /// <summary>How much of the file is mapped at once.</summary>
    public const long DefaultWindowLength = 64L << 20;

    /// <summary>One consumer of a mapped window, called with the whole window.</summary>
    public delegate void WindowConsumer(ReadOnlySpan<byte> window);

    /// <summary>
    /// Feeds each window to <paramref name="data"/> on a worker and to <paramref name="instance"/> on the
    /// calling flow. A window is unmapped only after both have returned, whichever of them fails.
    /// </summary>
    public static Task AppendAsync(
        FileStream file,
        long length,
        WindowConsumer data,
        WindowConsumer instance,
        IProgress<long>? progress,
        CancellationToken cancellationToken,
        long windowLength = DefaultWindowLength) =>
        AppendAsync(file, length, new WholeWindowConsumer(data), instance, progress, cancellationToken, windowLength);

    /// <summary>
    /// Feeds each window to <paramref name="data"/> on a worker and to <paramref name="instance"/> on the
    /// calling flow, which then helps <paramref name="data"/> finish the window. A window is unmapped
    /// only after both have returned, whichever of them fails.
    /// </summary>
    public static async Task AppendAsync(
        FileStream file,
        long length,
        ISharedWindowConsumer data,
        WindowConsumer instance,
        IProgress<long>? progress,
        CancellationToken cancellationToken,
        long windowLength = DefaultWindowLength)
    {
        using var map = MemoryMappedFile.CreateFromFile(file, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        for (long offset = 0; offset < length; offset += windowLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = Math.Min(windowLength, length - offset);
            using var view = map.CreateViewAccessor(offset, size, MemoryMappedFileAccess.Read);
            var window = new MappedWindow(view, size);
            Task? dataTask = null;
            try
            {
                window.Begin(data);
                dataTask = Task.Run(data.Work, CancellationToken.None);
                instance(window.Span);
                data.Help();
                await dataTask.ConfigureAwait(false);
                data.End();
            }
            finally
            {
                // The worker may still be reading the window when the calling flow failed: unmapping it
                // now would turn that failure into a crash.
                if (dataTask is not null)
                {
                    await dataTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                window.Release();
            }

            progress?.Report(offset + size);
        }
    }

    /// <summary>A pinned pointer into a view, released once both hashers are done with it.</summary>
    private sealed unsafe class MappedWindow
    {
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _start;
        private readonly int _length;

        public MappedWindow(MemoryMappedViewAccessor view, long length)
        {
            _view = view;
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _start = pointer + view.PointerOffset;
            _length = checked((int)length);
        }

        public ReadOnlySpan<byte> Span => new(_start, _length);

        public void Begin(ISharedWindowConsumer consumer) => consumer.Begin(_start, _length);

        public void Release() => _view.SafeMemoryMappedViewHandle.ReleasePointer();
    }

    /// <summary>A consumer that takes each window whole on the worker; the calling flow does not help.</summary>
    private sealed unsafe class WholeWindowConsumer(WindowConsumer consume) : ISharedWindowConsumer
    {
        private byte* _start;
        private int _length;

        public void Begin(byte* window, int length)
        {
            _start = window;
            _length = length;
        }

        public void Work() => consume(new ReadOnlySpan<byte>(_start, _length));

        public void Help()
        {
        }

        public void End()
        {
        }
    }
}
