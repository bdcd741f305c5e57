using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// Reads a zip's end records and central directory in one pass (PKWARE APPNOTE 4.3.12–4.3.16;
/// shared/specs/ome-zarr.md §3.1 lists the offsets used here). Only the central directory is
/// trusted: local headers may describe obsolete copies (RFC-9 "Drawbacks").
/// </summary>
internal sealed class ZipCentralDirectory
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const int EndOfCentralDirectoryLength = 22;
    private const int Zip64LocatorLength = 20;
    private const int Zip64EndLength = 56;
    private const int CentralHeaderLength = 46;
    private const ushort Zip64ExtraId = 0x0001;
    private const ushort UnicodePathExtraId = 0x7075;

    private static readonly Encoding Cp437 = CodePagesEncodingProvider.Instance.GetEncoding(437)
        ?? Encoding.Latin1;

    private ZipCentralDirectory(ZipEntryInfo[] records, string comment, bool isZip64, long dataEnd, long prefixLength)
    {
        Records = records;
        Comment = comment;
        IsZip64 = isZip64;
        DataEnd = dataEnd;
        PrefixLength = prefixLength;
    }

    /// <summary>The records in central-directory order (offsets already corrected by <see cref="PrefixLength"/>).</summary>
    public ZipEntryInfo[] Records { get; }

    public string Comment { get; }

    public bool IsZip64 { get; }

    /// <summary>Where entry data must end: the start of the central directory.</summary>
    public long DataEnd { get; }

    /// <summary>Bytes before the zip proper (a self-extractor stub), added to every stated offset.</summary>
    public long PrefixLength { get; }

    public static ZipCentralDirectory Read(SafeFileHandle handle, string path, ArchiveOptions options)
    {
        var fileLength = RandomAccess.GetLength(handle);
        var (eocdBytes, eocdPosition, comment) = FindEndOfCentralDirectory(handle, fileLength, path);
        ReadOnlySpan<byte> eocd = eocdBytes;

        long diskNumber = BinaryPrimitives.ReadUInt16LittleEndian(eocd[4..]);
        long centralDirectoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(eocd[6..]);
        long entriesOnDisk = BinaryPrimitives.ReadUInt16LittleEndian(eocd[8..]);
        long entryCount = BinaryPrimitives.ReadUInt16LittleEndian(eocd[10..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(eocd[12..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(eocd[16..]);
        var centralDirectoryEnd = eocdPosition;

        var isZip64 = false;
        if (eocdPosition >= Zip64LocatorLength)
        {
            Span<byte> locator = stackalloc byte[Zip64LocatorLength];
            ReadExactly(handle, locator, eocdPosition - Zip64LocatorLength, path);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) == Zip64LocatorSignature)
            {
                isZip64 = true;
                var totalDisks = BinaryPrimitives.ReadUInt32LittleEndian(locator[16..]);
                if (totalDisks > 1)
                {
                    throw Split(path);
                }

                var recordPosition = FindZip64End(handle, (long)BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]), eocdPosition - Zip64LocatorLength, path);
                Span<byte> record = stackalloc byte[Zip64EndLength];
                ReadExactly(handle, record, recordPosition, path);
                diskNumber = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
                centralDirectoryDisk = BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
                entriesOnDisk = ToInt64(BinaryPrimitives.ReadUInt64LittleEndian(record[24..]), path);
                entryCount = ToInt64(BinaryPrimitives.ReadUInt64LittleEndian(record[32..]), path);
                size = ToInt64(BinaryPrimitives.ReadUInt64LittleEndian(record[40..]), path);
                offset = ToInt64(BinaryPrimitives.ReadUInt64LittleEndian(record[48..]), path);
                centralDirectoryEnd = recordPosition;
            }
        }

        // RFC-9 rule 4 / check Z2: a split archive's last part names other disks.
        if (diskNumber != 0 || centralDirectoryDisk != 0 || entriesOnDisk != entryCount)
        {
            throw Split(path);
        }

        if (entryCount > options.MaxEntries)
        {
            throw new ArchiveException(
                ArchiveErrorKind.LimitExceeded,
                $"{path}: the archive holds {entryCount} entries, more than the {options.MaxEntries} allowed; raise the entry limit if this is expected.");
        }

        // The central directory ends where the end records start; anything before its stated
        // offset is a prefix (self-extractor stub, or data prepended by a tool), as Python's zipfile allows.
        var start = centralDirectoryEnd - size;
        if (size < 0 || start < 0 || start < offset || entryCount * CentralHeaderLength > size)
        {
            throw Damaged(path, "its central directory does not fit in the file");
        }

        var records = ReadRecords(handle, start, size, (int)entryCount, start - offset, path);
        return new ZipCentralDirectory(records, comment, isZip64, start, start - offset);
    }

    private static ZipEntryInfo[] ReadRecords(SafeFileHandle handle, long start, long size, int count, long prefix, string path)
    {
        var records = new ZipEntryInfo[count];
        var reader = new ChunkedFileReader(handle, start, start + size, path);
        for (var i = 0; i < count; i++)
        {
            var header = reader.Take(CentralHeaderLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != CentralHeaderSignature)
            {
                throw Damaged(path, $"central directory record {i + 1} of {count} has no valid signature");
            }

            var versionMadeBy = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            long length = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long disk = BinaryPrimitives.ReadUInt16LittleEndian(header[34..]);
            var external = BinaryPrimitives.ReadUInt32LittleEndian(header[38..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);

            var variable = reader.Take(nameLength + extraLength + commentLength);
            var nameBytes = variable[..nameLength];
            var extra = variable.Slice(nameLength, extraLength);
            var name = DecodeName(nameBytes, flags, extra, path, i, count);

            var hasZip64 = ReadZip64Extra(extra, ref length, ref compressed, ref localOffset, ref disk, out var zip64Missing);
            if (zip64Missing)
            {
                throw Damaged(path, $"entry '{name}' defers its size to a ZIP64 field that is missing");
            }

            if (disk != 0)
            {
                throw Split(path);
            }

            var normalised = ArchivePaths.Normalise(name, out var isDirectory, out var problem)
                ?? throw new ArchiveException(
                    ArchiveErrorKind.Unsafe,
                    $"{path}: entry '{name}' {problem}; the archive is refused, re-create it with relative names inside one folder.");

            records[i] = new ZipEntryInfo(
                normalised, name, isDirectory, method, flags, crc, compressed, length, localOffset + prefix,
                versionMadeBy, external, hasZip64);
        }

        return records;
    }

    private static string DecodeName(ReadOnlySpan<byte> raw, ushort flags, ReadOnlySpan<byte> extra, string path, int index, int count)
    {
        if (System.Text.Ascii.IsValid(raw))
        {
            return Encoding.ASCII.GetString(raw);
        }

        // Info-ZIP's Unicode Path field carries the UTF-8 name when the header's name is in a legacy code page.
        if (FindExtra(extra, UnicodePathExtraId, out var unicode) && unicode.Length > 5 && unicode[0] == 1
            && BinaryPrimitives.ReadUInt32LittleEndian(unicode[1..]) == System.IO.Hashing.Crc32.HashToUInt32(raw)
            && Utf8.IsValid(unicode[5..]))
        {
            return Encoding.UTF8.GetString(unicode[5..]);
        }

        if (Utf8.IsValid(raw))
        {
            return Encoding.UTF8.GetString(raw);
        }

        if ((flags & 0x0800) != 0)
        {
            throw Damaged(path, $"the name of entry {index + 1} of {count} is flagged UTF-8 but is not valid UTF-8");
        }

        // APPNOTE appendix D: without the UTF-8 flag names are in IBM code page 437.
        return Cp437.GetString(raw);
    }

    // APPNOTE 4.5.3: only the fields saturated in the header appear, in this order.
    private static bool ReadZip64Extra(ReadOnlySpan<byte> extra, ref long length, ref long compressed, ref long localOffset, ref long disk, out bool missing)
    {
        missing = false;
        var needed = (length == uint.MaxValue ? 8 : 0) + (compressed == uint.MaxValue ? 8 : 0)
            + (localOffset == uint.MaxValue ? 8 : 0) + (disk == ushort.MaxValue ? 4 : 0);
        if (!FindExtra(extra, Zip64ExtraId, out var field))
        {
            missing = needed > 0;
            return false;
        }

        if (field.Length < needed)
        {
            missing = true;
            return true;
        }

        if (length == uint.MaxValue)
        {
            length = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
            field = field[8..];
        }

        if (compressed == uint.MaxValue)
        {
            compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
            field = field[8..];
        }

        if (localOffset == uint.MaxValue)
        {
            localOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
            field = field[8..];
        }

        if (disk == ushort.MaxValue)
        {
            disk = BinaryPrimitives.ReadUInt32LittleEndian(field);
        }

        // Sizes beyond long.MaxValue read as negative and are rejected by the entry checks.
        return true;
    }

    private static bool FindExtra(ReadOnlySpan<byte> extra, ushort id, out ReadOnlySpan<byte> field)
    {
        while (extra.Length >= 4)
        {
            var headerId = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int fieldLength = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + fieldLength > extra.Length)
            {
                break;
            }

            if (headerId == id)
            {
                field = extra.Slice(4, fieldLength);
                return true;
            }

            extra = extra[(4 + fieldLength)..];
        }

        field = default;
        return false;
    }

    // APPNOTE 4.3.16: the end record is the last 22 bytes plus a comment of up to 65535 bytes.
    private static (byte[] Record, long Position, string Comment) FindEndOfCentralDirectory(SafeFileHandle handle, long fileLength, string path)
    {
        var tailLength = (int)Math.Min(fileLength, EndOfCentralDirectoryLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        ReadExactly(handle, tail, fileLength - tailLength, path);

        // Prefer the record whose comment ends exactly at the end of the file; a comment can itself
        // contain the signature bytes. Accept trailing bytes only when nothing fits exactly.
        var fallback = -1;
        for (var i = tailLength - EndOfCentralDirectoryLength; i >= 0; i--)
        {
            if (tail[i] != 0x50 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndOfCentralDirectorySignature)
            {
                continue;
            }

            var end = i + EndOfCentralDirectoryLength + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20));
            if (end == tailLength)
            {
                return Found(i);
            }

            if (end < tailLength && fallback < 0)
            {
                fallback = i;
            }
        }

        if (fallback >= 0)
        {
            return Found(fallback);
        }

        throw new ArchiveException(
            ArchiveErrorKind.Corrupt,
            $"{path}: not a readable zip (its end-of-central-directory record is missing); the file is truncated or not a zip, copy it again.");

        (byte[], long, string) Found(int i)
        {
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20));
            var comment = Encoding.UTF8.GetString(tail, i + EndOfCentralDirectoryLength, commentLength);
            return (tail[i..(i + EndOfCentralDirectoryLength)], fileLength - tailLength + i, comment);
        }
    }

    // The stated offset is right unless the zip carries a prefix; the record then sits just before the locator.
    private static long FindZip64End(SafeFileHandle handle, long stated, long locatorPosition, string path)
    {
        Span<byte> signature = stackalloc byte[4];
        foreach (var candidate in (ReadOnlySpan<long>)[stated, locatorPosition - Zip64EndLength])
        {
            if (candidate >= 0 && candidate + Zip64EndLength <= locatorPosition
                && RandomAccess.Read(handle, signature, candidate) == 4
                && BinaryPrimitives.ReadUInt32LittleEndian(signature) == Zip64EndSignature)
            {
                return candidate;
            }
        }

        throw Damaged(path, "its ZIP64 end record is missing");
    }

    private static long ToInt64(ulong value, string path) =>
        value <= long.MaxValue ? (long)value : throw Damaged(path, "its ZIP64 end record holds impossible sizes");

    internal static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long position, string path)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(handle, buffer, position);
            if (read == 0)
            {
                throw Damaged(path, "it ends early");
            }

            buffer = buffer[read..];
            position += read;
        }
    }

    internal static ArchiveException Damaged(string path, string what) =>
        new(ArchiveErrorKind.Corrupt, $"{path}: the zip is damaged ({what}); copy or create it again.");

    private static ArchiveException Split(string path) =>
        new(ArchiveErrorKind.Unsupported, $"{path}: this is part of a split or spanned zip, which cannot be read; join the parts into one file (e.g. 'zip -s 0 in.zip --out joined.zip') and open that.");

    /// <summary>Hands out contiguous slices of a file range, reading it a megabyte at a time.</summary>
    private sealed class ChunkedFileReader(SafeFileHandle handle, long position, long end, string path)
    {
        private byte[] _buffer = new byte[(int)Math.Min(1 << 20, Math.Max(end - position, 1))];
        private int _offset;
        private int _filled;
        private long _position = position;

        public ReadOnlySpan<byte> Take(int count)
        {
            if (_filled - _offset < count)
            {
                Refill(count);
            }

            var slice = _buffer.AsSpan(_offset, count);
            _offset += count;
            return slice;
        }

        private void Refill(int count)
        {
            var kept = _filled - _offset;
            if (kept + (end - _position) < count)
            {
                throw Damaged(path, "its central directory is shorter than its records say");
            }

            if (_buffer.Length < count)
            {
                Array.Resize(ref _buffer, count);
            }

            _buffer.AsSpan(_offset, kept).CopyTo(_buffer);
            _offset = 0;
            _filled = kept;
            var wanted = (int)Math.Min(_buffer.Length - kept, end - _position);
            ReadExactly(handle, _buffer.AsSpan(kept, wanted), _position, path);
            _position += wanted;
            _filled += wanted;
        }
    }
}
