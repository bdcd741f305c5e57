using Accession.Iscc.Platform;

namespace Accession.OmeZarr.Archives;

/// <summary>
/// A plain folder read like an archive. Symbolic links are not followed, and FIFOs, sockets and
/// devices (<see cref="FileKind"/>) are left out: they hold no data and could block a reader.
/// </summary>
public sealed class FolderArchiveReader : ArchiveReader
{
    private readonly string _root;
    private readonly List<ArchiveEntry> _entries;

    public FolderArchiveReader(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _root = Path.GetFullPath(folder);
        if (!Directory.Exists(_root))
        {
            throw new ArchiveException(ArchiveErrorKind.NotFound, $"{folder}: no such folder.");
        }

        _entries = [];
        Collect(new DirectoryInfo(_root), string.Empty);
    }

    public override string Location => _root;

    public override IReadOnlyList<ArchiveEntry> Entries => _entries;

    public override Stream OpenEntry(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var full = Path.Combine(_root, entry.Path);
        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    private void Collect(DirectoryInfo directory, string prefix)
    {
        foreach (var item in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (item.LinkTarget is not null)
            {
                continue;
            }

            var relative = prefix + item.Name;
            switch (item)
            {
                case DirectoryInfo child:
                    Collect(child, relative + "/");
                    break;
                case FileInfo file when !FileKind.IsSpecialFile(file.FullName):
                    _entries.Add(new ArchiveEntry(relative, file.Length));
                    break;
            }
        }
    }
}
