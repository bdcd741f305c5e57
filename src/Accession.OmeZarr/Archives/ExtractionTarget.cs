namespace Accession.OmeZarr.Archives;

/// <summary>
/// The folder an extraction writes into. It remembers every file and folder it creates so that
/// <see cref="Dispose"/> can remove them all unless <see cref="Commit"/> was called.
/// </summary>
internal sealed class ExtractionTarget : IDisposable
{
    private readonly string _root;
    private readonly string _archive;
    private readonly bool _createdRoot;
    private readonly List<string> _files = [];
    private readonly List<string> _folders = [];
    private readonly HashSet<string> _knownFolders = new(StringComparer.Ordinal);
    private string? _partial;
    private bool _committed;

    public ExtractionTarget(string folder, string archive)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _archive = archive;
        if (File.Exists(_root))
        {
            throw new ArchiveException(ArchiveErrorKind.Unsafe, $"{_root}: cannot extract {archive} here, this is a file; choose a new or empty folder.");
        }

        if (Directory.Exists(_root))
        {
            // Stale files from an earlier run must not mix with this archive's.
            if (Directory.EnumerateFileSystemEntries(_root).Any())
            {
                throw new ArchiveException(ArchiveErrorKind.Unsafe, $"{_root}: cannot extract {archive} here, the folder is not empty; choose a new or empty folder.");
            }
        }
        else
        {
            Directory.CreateDirectory(_root);
            _createdRoot = true;
        }

        _knownFolders.Add(string.Empty);
    }

    public async ValueTask WriteAsync(ArchiveEntry entry, Stream data, bool overwrite, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(_root, entry.Path));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, comparison))
        {
            throw new ArchiveException(
                ArchiveErrorKind.Unsafe,
                $"{_archive}: entry '{entry.Path}' would be written outside {_root}; nothing was extracted, re-create the archive with relative names.");
        }

        try
        {
            EnsureFolder(entry.Directory);
            var folder = Path.GetDirectoryName(full)!;
            _partial = Path.Combine(folder, $".{Guid.NewGuid():N}.partial");
            var output = new FileStream(_partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await data.CopyToAsync(output, 1 << 16, cancellationToken).ConfigureAwait(false);
            }

            var existed = overwrite && File.Exists(full);
            File.Move(_partial, full, overwrite);
            _partial = null;
            if (!existed)
            {
                _files.Add(full);
            }
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException) && IsNameConflict(full))
        {
            throw new ArchiveException(
                ArchiveErrorKind.Unsafe,
                $"{_archive}: entry '{entry.Path}' clashes with another entry (a file and a folder of one name, or names that differ only in case on this file system); nothing was extracted, rename one of them.",
                e);
        }
    }

    /// <summary>Keeps what was written.</summary>
    public void Commit() => _committed = true;

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        Delete(_partial, File.Delete);
        for (var i = _files.Count - 1; i >= 0; i--)
        {
            Delete(_files[i], File.Delete);
        }

        for (var i = _folders.Count - 1; i >= 0; i--)
        {
            Delete(_folders[i], f => Directory.Delete(f));
        }

        if (_createdRoot)
        {
            Delete(_root, f => Directory.Delete(f));
        }
    }

    private static void Delete(string? path, Action<string> delete)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder that is not empty holds something this extraction did not write.
        }
    }

    private static bool IsNameConflict(string full) =>
        Directory.Exists(full) || File.Exists(full) || !Directory.Exists(Path.GetDirectoryName(full));

    private void EnsureFolder(string relative)
    {
        if (_knownFolders.Contains(relative))
        {
            return;
        }

        var slash = relative.LastIndexOf('/');
        EnsureFolder(slash < 0 ? string.Empty : relative[..slash]);
        var full = Path.Combine(_root, relative);
        if (File.Exists(full))
        {
            throw new IOException($"'{relative}' is a file");
        }

        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full);
            _folders.Add(full);
        }

        _knownFolders.Add(relative);
    }
}
