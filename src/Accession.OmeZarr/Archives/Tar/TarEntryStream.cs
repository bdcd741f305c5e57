namespace Accession.OmeZarr.Archives;

/// <summary>
/// One tar entry's data: exactly the length its header declares, or a <see cref="ArchiveErrorKind.Corrupt"/>
/// error naming the entry when the archive ends early or cannot be decompressed. Disposing it
/// releases <paramref name="owner"/> (the open archive behind a re-read), never the tar's own stream.
/// </summary>
internal sealed class TarEntryStream(Stream? data, long length, string archive, string entry, IDisposable? owner = null) : ForwardOnlyReadStream
{
    private long _position;

    protected override long BytesDelivered => _position;

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        try
        {
            return Advance(data?.Read(buffer[..wanted]) ?? 0);
        }
        catch (Exception e) when (TarErrors.IsCorruption(e))
        {
            throw TarErrors.Corrupt(archive, entry, e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        try
        {
            return Advance(data is null ? 0 : await data.ReadAsync(buffer[..wanted], cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (TarErrors.IsCorruption(e))
        {
            throw TarErrors.Corrupt(archive, entry, e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owner?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{archive}: entry '{entry}' ends after {_position} of its {length} bytes; the archive is truncated, copy or create it again.");
        }

        _position += read;
        return read;
    }
}

/// <summary>How decompressor and tar-format failures become one-line archive errors.</summary>
internal static class TarErrors
{
    public static bool IsCorruption(Exception e) =>
        e is InvalidDataException or EndOfStreamException or FormatException or SharpCompress.Common.SharpCompressException;

    public static ArchiveException Corrupt(string archive, string? entry, Exception e) =>
        new(
            ArchiveErrorKind.Corrupt,
            entry is null
                ? $"{archive}: the archive is damaged or truncated ({e.Message}); copy or create it again."
                : $"{archive}: entry '{entry}' is damaged or truncated ({e.Message}); copy or create the archive again.",
            e);
}
