using System.Formats.Tar;
using System.IO.Compression;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Accession.OmeZarr.Archives;

/// <summary>A file entry met while scanning a tar; <see cref="Data"/> is valid until the scan moves on.</summary>
/// <param name="Entry">The normalised entry.</param>
/// <param name="Ordinal">Its position among the file entries of the archive, duplicates included.</param>
/// <param name="DataOffset">Where its data starts in an uncompressed tar file; -1 in a compressed one.</param>
/// <param name="IsDuplicate">An earlier entry had the same path; this one replaces it.</param>
/// <param name="Data">The entry's bytes, exactly <see cref="ArchiveEntry.Length"/> of them.</param>
internal readonly record struct TarScanItem(ArchiveEntry Entry, int Ordinal, long DataOffset, bool IsDuplicate, Stream Data);

/// <summary>
/// One front-to-back pass over a tar, tar.gz, tar.bz2 or tar.xz file with the safety rules of
/// shared/specs/ome-zarr.md §2.1 (Z5 names, links, Z6 duplicates, Z8 limits) applied to every
/// header, whatever the caller does with the data. gzip comes from the BCL, bzip2 and xz from SharpCompress.
/// </summary>
internal static class TarScanner
{
    public static IEnumerable<TarScanItem> Scan(string path, ArchiveFormat format, ArchiveOptions options)
    {
        var file = OpenFile(path, format);
        using (file)
        {
            var input = new TarInputStream(
                Decompressor(file, format, path),
                format == ArchiveFormat.Tar ? null : () => file.Position,
                options,
                path);
            using (input)
            {
                using var reader = new TarReader(input, leaveOpen: true);
                foreach (var item in Entries(reader, input, path, options))
                {
                    yield return item;
                }

                // Reading the rest lets bzip2 and xz check their stream checksums.
                if (format != ArchiveFormat.Tar)
                {
                    Drain(input, path);
                }
            }
        }
    }

    private static IEnumerable<TarScanItem> Entries(TarReader reader, TarInputStream input, string path, ArchiveOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        var count = 0;
        var ordinal = 0;
        while (Next(reader, path) is { } entry)
        {
            if (++count > options.MaxEntries)
            {
                throw new ArchiveException(
                    ArchiveErrorKind.LimitExceeded,
                    $"{path}: the archive holds more than {options.MaxEntries} entries; raise the entry limit if this is expected.");
            }

            input.HeaderAllowance += 4096;
            var raw = entry.Name;
            switch (entry.EntryType)
            {
                case TarEntryType.GlobalExtendedAttributes or TarEntryType.TapeVolume:
                    continue;
                case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                    var kind = entry.EntryType == TarEntryType.SymbolicLink ? "symbolic" : "hard";
                    throw new ArchiveException(
                        ArchiveErrorKind.Unsafe,
                        $"{path}: entry '{raw}' is a {kind} link to '{entry.LinkName}', which is not followed; replace it with the file it points to and re-create the archive.");
                case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                    throw new ArchiveException(
                        ArchiveErrorKind.Unsafe,
                        $"{path}: entry '{raw}' is a special file (device or pipe); remove it and re-create the archive.");
                case TarEntryType.SparseFile or TarEntryType.MultiVolume or TarEntryType.RenamedOrSymlinked:
                    throw new ArchiveException(
                        ArchiveErrorKind.Unsupported,
                        $"{path}: entry '{raw}' is a GNU {entry.EntryType} entry, which cannot be read; re-create the archive with plain files (e.g. 'tar --format=posix').");
            }

            var normalised = ArchivePaths.Normalise(raw, out var isDirectory, out var problem)
                ?? throw new ArchiveException(
                    ArchiveErrorKind.Unsafe,
                    $"{path}: entry '{raw}' {problem}; the archive is refused, re-create it with relative names inside one folder.");
            if (isDirectory || entry.EntryType is TarEntryType.Directory or TarEntryType.DirectoryList)
            {
                continue;
            }

            total += entry.Length;
            if (total > options.MaxTotalUncompressedBytes)
            {
                throw new ArchiveException(
                    ArchiveErrorKind.LimitExceeded,
                    $"{path}: the files expand to more than {options.MaxTotalUncompressedBytes} bytes (limit reached at entry '{raw}'); raise the size limit if this is expected.");
            }

            var duplicate = !seen.Add(normalised);
            if (duplicate && ArchivePaths.IsZarrMetadata(normalised) && !options.AllowDuplicateMetadata)
            {
                throw new ArchiveException(
                    ArchiveErrorKind.Unsafe,
                    $"{path}: the metadata file '{normalised}' is stored more than once, and tools disagree on which copy counts; re-create the archive with one copy.");
            }

            var data = new TarEntryStream(entry.DataStream, entry.Length, path, normalised);
            yield return new TarScanItem(new ArchiveEntry(normalised, entry.Length), ordinal++, entry.DataOffset, duplicate, data);
        }

        // TarReader stops quietly at the end of input; a complete archive ends with zero blocks instead.
        if (input.CanSeek ? !EndsWithZeroBlock(input) : input.SawEnd)
        {
            throw new ArchiveException(
                count == 0 ? ArchiveErrorKind.UnsupportedFormat : ArchiveErrorKind.Corrupt,
                count == 0
                    ? $"{path}: not a tar archive (it is empty or ends before its first header); check the file."
                    : $"{path}: the archive ends without its end-of-archive marker; it is truncated, copy or create it again.");
        }
    }

    private static TarEntry? Next(TarReader reader, string path)
    {
        try
        {
            return reader.GetNextEntry(copyData: false);
        }
        catch (Exception e) when (TarErrors.IsCorruption(e))
        {
            throw TarErrors.Corrupt(path, entry: null, e);
        }
        catch (NotSupportedException e)
        {
            // System.Formats.Tar refuses GNU sparse files before it returns the entry.
            throw new ArchiveException(
                ArchiveErrorKind.Unsupported,
                $"{path}: an entry cannot be read ({e.Message}); re-create the archive with plain files (e.g. 'tar --format=posix').",
                e);
        }
    }

    // On a seekable file TarReader stops at the end of the file without reading further, so look
    // back: after the end-of-archive marker the last block read is all zeros.
    private static bool EndsWithZeroBlock(Stream input)
    {
        const int block = 512;
        var end = input.Position;
        if (end < block || end % block != 0 || end > input.Length)
        {
            return false;
        }

        Span<byte> last = stackalloc byte[block];
        input.Position = end - block;
        input.ReadExactly(last);
        return !last.ContainsAnyExcept((byte)0);
    }

    private static void Drain(Stream input, string path)
    {
        try
        {
            input.CopyTo(Stream.Null);
        }
        catch (Exception e) when (TarErrors.IsCorruption(e))
        {
            throw TarErrors.Corrupt(path, entry: null, e);
        }
    }

    private static FileStream OpenFile(string path, ArchiveFormat format)
    {
        try
        {
            // A plain tar is seeked over its file data; compressed ones are read straight through.
            return new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                bufferSize: 1 << 16,
                format == ArchiveFormat.Tar ? FileOptions.None : FileOptions.SequentialScan);
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

    private static Stream Decompressor(FileStream file, ArchiveFormat format, string path)
    {
        try
        {
            return format switch
            {
                ArchiveFormat.Tar => file,
                ArchiveFormat.TarGzip => new GZipStream(file, CompressionMode.Decompress, leaveOpen: true),
                ArchiveFormat.TarBzip2 => BZip2Stream.Create(
                    file,
                    SharpCompress.Compressors.CompressionMode.Decompress,
                    decompressConcatenated: true,
                    leaveOpen: true,
                    tolerateTruncatedStream: false),
                ArchiveFormat.TarXz => new XZStream(file),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a tar format"),
            };
        }
        catch (Exception e) when (TarErrors.IsCorruption(e))
        {
            throw TarErrors.Corrupt(path, entry: null, e);
        }
    }
}
