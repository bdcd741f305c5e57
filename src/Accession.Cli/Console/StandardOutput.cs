using System.Runtime.InteropServices;

namespace Accession.Cli.Terminal;

/// <summary>
/// The process's standard output as one buffered UTF-8 writer whose write failures are told apart from
/// every other I/O error: they surface as <see cref="StandardOutputException"/>, so the top level can end
/// any command with one line (or quietly for a closed pipe, as coreutils does). On Unix it writes to
/// file descriptor 1 itself, because .NET's console stream silently drops writes to a closed pipe.
/// Not thread-safe.
/// </summary>
internal static partial class StandardOutput
{
    private static TextWriter? s_writer;

    /// <summary>The writer over the real stdout (created on first use, buffered; flush after each line that must show).</summary>
    public static TextWriter Writer => s_writer ??= new StreamWriter(
        OperatingSystem.IsWindows() ? new GuardedStream(global::System.Console.OpenStandardOutput()) : new DescriptorStream(),
        CommandConsole.Utf8, bufferSize: 1 << 16)
    {
        AutoFlush = false,
        NewLine = "\n",
    };

    /// <summary>True when <paramref name="writer"/> is the real stdout and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, s_writer) && !global::System.Console.IsOutputRedirected;

    // On Linux by glibc's soname, which musl's loader also answers with itself: the bare name "libc" is
    // first tried as libc.so, liblibc.so and libc in every library folder (some twenty failed system
    // calls at start-up). Other Unix systems (macOS) have no file by that name and keep the bare one.
    [LibraryImport("libc.so.6", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteOnLinux(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteElsewhere(int descriptor, byte* buffer, nint count);

    private static unsafe nint Write(int descriptor, byte* buffer, nint count) =>
        OperatingSystem.IsLinux() ? WriteOnLinux(descriptor, buffer, count) : WriteElsewhere(descriptor, buffer, count);

    /// <summary>Writes straight to file descriptor 1, so a closed pipe (EPIPE) or full disk is reported.</summary>
    private sealed class DescriptorStream : WriteOnlyStream
    {
        private const int Interrupted = 4; // EINTR

        public override unsafe void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                nint written;
                fixed (byte* start = buffer)
                {
                    written = StandardOutput.Write(1, start, buffer.Length);
                }

                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted)
                    {
                        continue;
                    }

                    throw new StandardOutputException(new IOException(Marshal.GetPInvokeErrorMessage(errno), errno));
                }

                buffer = buffer[(int)written..];
            }
        }

        public override void Flush()
        {
        }
    }

    /// <summary>Passes bytes through and marks any failure to write them.</summary>
    private sealed class GuardedStream(Stream inner) : WriteOnlyStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (IOException e)
            {
                throw new StandardOutputException(e);
            }
        }

        public override void Flush()
        {
            try
            {
                inner.Flush();
            }
            catch (IOException e)
            {
                throw new StandardOutputException(e);
            }
        }
    }

    private abstract class WriteOnlyStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public abstract override void Write(ReadOnlySpan<byte> buffer);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>Standard output could not be written: a full disk, a closed pipe.</summary>
internal sealed class StandardOutputException(IOException inner) : IOException(inner.Message, inner)
{
    // errno EPIPE on Linux and macOS; .NET carries the raw errno in HResult for Unix I/O errors.
    private const int BrokenPipe = 32;

    /// <summary>The reader went away (EPIPE): coreutils ends quietly then.</summary>
    public bool IsBrokenPipe => inner.HResult == BrokenPipe || inner.Message.Contains("Broken pipe", StringComparison.Ordinal);
}
