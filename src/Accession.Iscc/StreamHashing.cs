using System.Buffers;

namespace Accession.Iscc;

/// <summary>Adds a span to a hash state (an <c>Append</c> method).</summary>
internal delegate void SpanAppender(ReadOnlySpan<byte> source);

/// <summary>The <c>AppendAsync(Stream)</c> read loop the single-core hashers share.</summary>
internal static class StreamHashing
{
    /// <summary>Read size: large enough for the SIMD kernels to run at full width.</summary>
    public const int DefaultBufferSize = 1 << 20;

    /// <summary>Reads <paramref name="stream"/> to its end in buffers of <paramref name="bufferSize"/> bytes and appends each.</summary>
    public static async Task AppendAsync(Stream stream, SpanAppender append, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
