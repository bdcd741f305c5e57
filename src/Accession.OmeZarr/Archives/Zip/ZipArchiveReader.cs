using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// Reads a zip (or RFC-9 <c>.ozx</c>) from its central directory, parsed in one pass into compact
/// records (shared/specs/ome-zarr.md §2.1 Z1–Z8, §3.5). Entries open on demand, any number at once
/// from any thread: every stream reads the one shared file handle with positional reads. Stored and
/// deflated entries are read; their CRC-32 is checked as the last byte is read.
/// </summary>
/// <remarks>
/// Opening refuses, with an <see cref="ArchiveException"/> naming the entry: unsafe names, symbolic
/// links and other special files, encrypted entries, compression methods other than stored and
/// deflate, split archives, entries whose data overlap, duplicated Zarr metadata files, and
/// archives over the limits of <see cref="ArchiveOptions"/>. Other duplicated paths resolve to the
/// last copy (like Python's zipfile) and are listed in <see cref="ArchiveReader.DuplicatePaths"/>.
/// Dispose entry streams before the reader.
/// </remarks>
public sealed class ZipArchiveReader : ArchiveReader
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int LocalHeaderLength = 30;

    private readonly SafeFileHandle _handle;
    private readonly string _location;
    private readonly ArchiveOptions _options;
    private readonly ZipEntryInfo[] _records;
    private readonly ArchiveEntry[] _entries;
    private readonly Dictionary<string, int> _recordByPath;
    private readonly string[] _duplicates;
    private readonly long _dataEnd;

    /// <summary>Opens and checks the zip at <paramref name="path"/>.</summary>
    /// <exception cref="ArchiveException">Missing, not a zip, damaged, unsafe or over a limit.</exception>
    public ZipArchiveReader(string path, ArchiveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _options = options ?? ArchiveOptions.Default;
        _options.Validate();
        _location = Path.GetFullPath(path);
        _handle = OpenHandle(path);
        try
        {
            var directory = ZipCentralDirectory.Read(_handle, _location, _options);
            _records = directory.Records;
            _dataEnd = directory.DataEnd;
            Comment = directory.Comment;
            IsZip64 = directory.IsZip64;
            PrefixLength = directory.PrefixLength;
            _recordByPath = new Dictionary<string, int>(_records.Length, StringComparer.Ordinal);
            var duplicates = new List<string>();
            var fileCount = CheckEntries(_location, duplicates);
            _duplicates = [.. duplicates.Distinct(StringComparer.Ordinal)];
            CheckNoOverlap(_location);
            _entries = new ArchiveEntry[fileCount];
            var next = 0;
            for (var i = 0; i < _records.Length; i++)
            {
                ref readonly var record = ref _records[i];
                if (!record.IsDirectory && _recordByPath[record.Path] == i)
                {
                    _entries[next++] = new ArchiveEntry(record.Path, record.Length);
                }
            }
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    public override string Location => _location;

    public override ArchiveFormat Format => ArchiveFormat.Zip;

    public override IReadOnlyList<ArchiveEntry> Entries => _entries;

    public override IReadOnlyList<string> DuplicatePaths => _duplicates;

    /// <summary>Every central-directory record in stored order, folders and superseded duplicates included (RFC-9 checks X6–X8).</summary>
    public IReadOnlyList<ZipEntryInfo> ZipEntries => _records;

    /// <summary>The archive comment, decoded as UTF-8 (RFC-9 puts JSON here; check X4).</summary>
    public string Comment { get; }

    /// <summary>The archive has ZIP64 end records (RFC-9 recommends them for every size; check X9).</summary>
    public bool IsZip64 { get; }

    /// <summary>Bytes before the zip proper, such as a self-extractor stub; 0 for an ordinary zip.</summary>
    public long PrefixLength { get; }

    /// <summary>The central-directory record behind an entry.</summary>
    public ZipEntryInfo GetInfo(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _records[IndexOf(entry)];
    }

    public override Stream OpenEntry(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var record = _records[IndexOf(entry)];

        // The local header's name and extra lengths may differ from the central copy; read them.
        Span<byte> local = stackalloc byte[LocalHeaderLength];
        if (RandomAccess.Read(_handle, local, record.LocalHeaderOffset) != LocalHeaderLength
            || BinaryPrimitives.ReadUInt32LittleEndian(local) != LocalHeaderSignature)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{_location}: entry '{record.Path}' has no valid local header at offset {record.LocalHeaderOffset}; the archive is damaged, copy or create it again.");
        }

        var dataStart = record.LocalHeaderOffset + LocalHeaderLength
            + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
        if (dataStart + record.CompressedLength > _dataEnd)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{_location}: entry '{record.Path}' runs into the central directory; the archive is damaged, copy or create it again.");
        }

        var stored = new FileRangeStream(_handle, dataStart, record.CompressedLength, _location, record.Path);
        return new ZipEntryStream(stored, record, _location, _options);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    private int IndexOf(ArchiveEntry entry) =>
        _recordByPath.TryGetValue(entry.Path, out var index) && !_records[index].IsDirectory
            ? index
            : throw new ArgumentException($"'{entry.Path}' is not a file of {_location}.", nameof(entry));

    private static SafeFileHandle OpenHandle(string path)
    {
        try
        {
            // No RandomAccess hint: entries are mostly streamed front to back, where kernel read-ahead helps.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArchiveException(ArchiveErrorKind.NotFound, $"{path}: no such file; check the path.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException(ArchiveErrorKind.NotFound, $"{path}: cannot be read ({e.Message}); check the file's permissions.", e);
        }
    }

    // One pass over the records: safety (Z3–Z5), limits (Z8), duplicates (Z6).
    private int CheckEntries(string path, List<string> duplicates)
    {
        long total = 0;
        var files = 0;
        for (var i = 0; i < _records.Length; i++)
        {
            ref readonly var record = ref _records[i];
            var name = record.RawName;
            if ((record.Flags & (0x0001 | 0x0040 | 0x2000)) != 0 || record.CompressionMethod == ZipCompressionMethods.Aes)
            {
                throw new ArchiveException(
                    ArchiveErrorKind.Unsupported,
                    $"{path}: entry '{name}' is encrypted, which cannot be read; re-create the archive without a password.");
            }

            var unixType = UnixFileType(record);
            if (unixType == 0xA000)
            {
                throw new ArchiveException(
                    ArchiveErrorKind.Unsafe,
                    $"{path}: entry '{name}' is a symbolic link, which is not followed; replace it with the file it points to and re-create the archive.");
            }

            if (unixType is not (0 or 0x8000 or 0x4000))
            {
                throw new ArchiveException(
                    ArchiveErrorKind.Unsafe,
                    $"{path}: entry '{name}' is a special file (device, pipe or socket); remove it and re-create the archive.");
            }

            CheckBounds(path, record);
            if (record.IsDirectory || unixType == 0x4000)
            {
                if (!record.IsDirectory)
                {
                    _records[i] = record with { IsDirectory = true };
                }

                continue;
            }

            CheckSizes(path, record);
            total += record.Length;
            if (total > _options.MaxTotalUncompressedBytes)
            {
                throw new ArchiveException(
                    ArchiveErrorKind.LimitExceeded,
                    $"{path}: the files expand to more than {_options.MaxTotalUncompressedBytes} bytes (limit reached at entry '{name}'); raise the size limit if this is expected.");
            }

            if (_recordByPath.TryGetValue(record.Path, out var earlier) && !_records[earlier].IsDirectory)
            {
                if (ArchivePaths.IsZarrMetadata(record.Path) && !_options.AllowDuplicateMetadata)
                {
                    throw new ArchiveException(
                        ArchiveErrorKind.Unsafe,
                        $"{path}: the metadata file '{record.Path}' is stored more than once, and tools disagree on which copy counts; re-create the archive with one copy.");
                }

                duplicates.Add(record.Path);
            }
            else
            {
                files++;
            }

            _recordByPath[record.Path] = i;
        }

        return files;
    }

    private void CheckSizes(string path, in ZipEntryInfo record)
    {
        if (record.CompressionMethod is not (ZipCompressionMethods.Stored or ZipCompressionMethods.Deflate))
        {
            throw new ArchiveException(
                ArchiveErrorKind.Unsupported,
                $"{path}: entry '{record.RawName}' uses compression {ZipCompressionMethods.Describe(record.CompressionMethod)}, which is not supported; re-create the archive with stored or deflate compression.");
        }

        if (record.CompressionMethod == ZipCompressionMethods.Stored && record.Length != record.CompressedLength)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{path}: entry '{record.RawName}' has sizes or an offset that do not fit the archive; the archive is damaged or truncated, copy or create it again.");
        }

        if (record.CompressionMethod == ZipCompressionMethods.Deflate
            && record.Length > _options.CompressionRatioThreshold
            && record.Length > _options.MaxCompressionRatio * Math.Max(1, record.CompressedLength))
        {
            throw new ArchiveException(
                ArchiveErrorKind.LimitExceeded,
                $"{path}: entry '{record.RawName}' expands from {record.CompressedLength} to {record.Length} bytes, more than {_options.MaxCompressionRatio} times; the archive looks like a zip bomb (raise the ratio limit if it is expected).");
        }
    }

    // Every record, folders included, must point inside the data area; written so that no sum overflows.
    private void CheckBounds(string path, in ZipEntryInfo record)
    {
        if (record.Length < 0 || record.CompressedLength < 0 || record.LocalHeaderOffset < 0
            || record.CompressedLength > _dataEnd - LocalHeaderLength - record.LocalHeaderOffset)
        {
            throw new ArchiveException(
                ArchiveErrorKind.Corrupt,
                $"{path}: entry '{record.RawName}' has sizes or an offset that do not fit the archive; the archive is damaged or truncated, copy or create it again.");
        }
    }

    // Entries sharing bytes are how non-recursive zip bombs multiply their output.
    private void CheckNoOverlap(string path)
    {
        var count = _records.Length;
        if (count < 2)
        {
            return;
        }

        var starts = new long[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = _records[i].LocalHeaderOffset;
            order[i] = i;
        }

        Array.Sort(starts, order);
        for (var i = 0; i + 1 < count; i++)
        {
            var current = _records[order[i]];
            if (current.LocalHeaderOffset + LocalHeaderLength + current.CompressedLength > starts[i + 1])
            {
                throw new ArchiveException(
                    ArchiveErrorKind.Unsafe,
                    $"{path}: entries '{current.RawName}' and '{_records[order[i + 1]].RawName}' share stored bytes, a zip-bomb technique; do not use this archive.");
            }
        }
    }

    // APPNOTE 4.4.2/4.4.15: for Unix-made entries the high 16 bits of the external attributes are st_mode.
    private static int UnixFileType(in ZipEntryInfo record)
    {
        var host = record.VersionMadeBy >> 8;
        return host is 3 or 19 ? (int)(record.ExternalAttributes >> 16) & 0xF000 : 0;
    }
}
