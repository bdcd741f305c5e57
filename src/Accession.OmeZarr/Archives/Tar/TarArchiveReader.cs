using Microsoft.Win32.SafeHandles;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// Reads a tar, tar.gz, tar.bz2 or tar.xz file (shared/specs/pennsieve-import.md: the processor's
/// tar suffixes). Opening lists it in one pass, checking every header. An uncompressed tar then
/// opens entries at random, like a zip. A compressed tar can only be read front to back: the small
/// metadata files a validator reads (Zarr metadata, JSON, XML up to 1 MiB) are kept in memory from
/// the listing pass, any other <see cref="OpenEntry"/> re-reads the archive up to that entry, and
/// <see cref="ForEachEntryAsync"/> reads everything in one pass.
/// </summary>
public sealed class TarArchiveReader : ArchiveReader
{
    /// <summary>Largest entry kept in memory from the listing pass.</summary>
    public const int MaxCachedEntryBytes = 1 << 20;

    /// <summary>Most bytes kept in memory for one archive.</summary>
    public const long MaxCachedBytes = 64L << 20;

    private readonly string _location;
    private readonly ArchiveFormat _format;
    private readonly ArchiveOptions _options;
    private readonly ArchiveEntry[] _entries;
    private readonly Dictionary<string, int> _ordinalByPath = new(StringComparer.Ordinal);
    private readonly List<ArchiveEntry> _occurrences = [];
    private readonly List<long> _dataOffsets = [];
    private readonly Dictionary<int, byte[]> _cache = [];
    private readonly string[] _duplicates;
    private readonly SafeFileHandle? _handle;

    /// <summary>Opens and lists a tar file; <paramref name="format"/> says which compression to expect.</summary>
    /// <exception cref="ArchiveException">Missing, damaged, unsafe or over a limit.</exception>
    public TarArchiveReader(string path, ArchiveFormat format, ArchiveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (format is not (ArchiveFormat.Tar or ArchiveFormat.TarGzip or ArchiveFormat.TarBzip2 or ArchiveFormat.TarXz))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "not a tar format");
        }

        _options = options ?? ArchiveOptions.Default;
        _options.Validate();
        _location = Path.GetFullPath(path);
        _format = format;

        var duplicates = new List<string>();
        long cached = 0;
        foreach (var item in TarScanner.Scan(_location, format, _options))
        {
            _occurrences.Add(item.Entry);
            if (format == ArchiveFormat.Tar)
            {
                _dataOffsets.Add(item.DataOffset);
            }

            if (item.IsDuplicate)
            {
                duplicates.Add(item.Entry.Path);
                _cache.Remove(_ordinalByPath[item.Entry.Path]);
            }

            _ordinalByPath[item.Entry.Path] = item.Ordinal;
            if (format != ArchiveFormat.Tar && ArchivePaths.IsMetadataLike(item.Entry.Path)
                && item.Entry.Length <= MaxCachedEntryBytes && cached + item.Entry.Length <= MaxCachedBytes)
            {
                var bytes = new byte[item.Entry.Length];
                item.Data.ReadExactly(bytes);
                _cache[item.Ordinal] = bytes;
                cached += bytes.Length;
            }
        }

        _duplicates = [.. duplicates.Distinct(StringComparer.Ordinal)];
        _entries = [.. _occurrences.Where((entry, ordinal) => _ordinalByPath[entry.Path] == ordinal)];
        if (format == ArchiveFormat.Tar)
        {
            _handle = File.OpenHandle(_location, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None);
        }
    }

    public override string Location => _location;

    public override ArchiveFormat Format => _format;

    public override bool SupportsRandomAccess => _format == ArchiveFormat.Tar;

    public override IReadOnlyList<ArchiveEntry> Entries => _entries;

    public override IReadOnlyList<string> DuplicatePaths => _duplicates;

    public override Stream OpenEntry(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_ordinalByPath.TryGetValue(entry.Path, out var ordinal))
        {
            throw new ArgumentException($"'{entry.Path}' is not a file of {_location}.", nameof(entry));
        }

        if (_cache.TryGetValue(ordinal, out var bytes))
        {
            return new MemoryStream(bytes, writable: false);
        }

        if (_handle is not null)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return new FileRangeStream(_handle, _dataOffsets[ordinal], _occurrences[ordinal].Length, _location, entry.Path);
        }

        return Reread(ordinal, entry.Path);
    }

    public override async Task ForEachEntryAsync(
        Func<ArchiveEntry, Stream, CancellationToken, ValueTask> action,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (SupportsRandomAccess)
        {
            await base.ForEachEntryAsync(action, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var item in TarScanner.Scan(_location, _format, _options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_ordinalByPath.TryGetValue(item.Entry.Path, out var winner) && winner == item.Ordinal)
            {
                await action(item.Entry, item.Data, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle?.Dispose();
        }

        base.Dispose(disposing);
    }

    // Reads the archive again from its start up to the entry; the stream owns that pass.
    private TarEntryStream Reread(int ordinal, string path)
    {
        var scan = TarScanner.Scan(_location, _format, _options).GetEnumerator();
        try
        {
            while (scan.MoveNext())
            {
                var item = scan.Current;
                if (item.Ordinal == ordinal)
                {
                    if (item.Entry.Path != path)
                    {
                        break;
                    }

                    return new TarEntryStream(item.Data, item.Entry.Length, _location, path, owner: scan);
                }
            }
        }
        catch
        {
            scan.Dispose();
            throw;
        }

        scan.Dispose();
        throw new ArchiveException(
            ArchiveErrorKind.Corrupt,
            $"{_location}: entry '{path}' is no longer where the listing found it; the archive changed while it was read, open it again.");
    }
}
