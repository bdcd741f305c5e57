using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Discovery;

/// <summary>
/// The archive's entry list indexed once by folder (shared/specs/ome-zarr.md §3.4 step 1): junk set
/// aside (R3), duplicate names as the reader resolved them (last wins, Z6), every folder with its
/// files and sub-folders. Lookups by span do not allocate.
/// </summary>
internal sealed class EntryIndex
{
    private readonly Dictionary<string, IndexedFolder> _folders;
    private readonly Dictionary<string, IndexedFolder>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Clutter verdicts by file name: chunk archives repeat a few names (0, 1, …) in every folder.
    private readonly Dictionary<string, bool> _junkNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _junkNameLookup;

    private EntryIndex(int capacity)
    {
        _folders = new Dictionary<string, IndexedFolder>(capacity, StringComparer.Ordinal);
        _lookup = _folders.GetAlternateLookup<ReadOnlySpan<char>>();
        _junkNameLookup = _junkNames.GetAlternateLookup<ReadOnlySpan<char>>();
        Root = new IndexedFolder(string.Empty, null, isJunk: false);
        _folders.Add(string.Empty, Root);
    }

    /// <summary>The archive root folder.</summary>
    public IndexedFolder Root { get; }

    /// <summary>Files kept (not junk), last-wins for duplicate names, in archive order.</summary>
    public IReadOnlyList<ArchiveEntry> Files { get; private set; } = [];

    /// <summary>Entries set aside as operating-system clutter.</summary>
    public IReadOnlyList<ArchiveEntry> Junk { get; private set; } = [];

    /// <summary>The Zarr node metadata files (<c>zarr.json</c>, <c>.zgroup</c>, <c>.zattrs</c>, <c>.zarray</c>) with their folders.</summary>
    public IReadOnlyList<(IndexedFolder Folder, ArchiveEntry Entry)> Metadata { get; private set; } = [];

    /// <summary>Names listed more than once in the archive (each name once).</summary>
    public IReadOnlyList<string> Duplicates { get; private set; } = [];

    /// <summary>Indexes a reader's entries (each path once; the reader resolves duplicates).</summary>
    public static EntryIndex Build(ArchiveReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var unique = reader.Entries;
        var index = new EntryIndex(Math.Max(16, unique.Count / 4));
        var files = new List<ArchiveEntry>(unique.Count);
        var junk = new List<ArchiveEntry>();
        var metadata = new List<(IndexedFolder, ArchiveEntry)>();
        var folder = index.Root;
        foreach (var entry in unique)
        {
            var path = entry.Path;
            var slash = path.LastIndexOf('/');
            var directory = slash < 0 ? [] : path.AsSpan(0, slash);

            // Archives list a folder's files together: most entries reuse the previous folder.
            if (!directory.SequenceEqual(folder.Path))
            {
                folder = index.GetOrAdd(directory);
            }

            // A path is clutter when its folder or its name is (ArchiveJunk judges segment by segment).
            if (folder.IsJunk || index.IsJunkName(path.AsSpan(slash + 1)))
            {
                junk.Add(entry);
                continue;
            }

            files.Add(entry);
            folder.Files.Add(entry);
            if (ZarrMetadataFiles.IsNodeMetadata(path.AsSpan(slash + 1)))
            {
                metadata.Add((folder, entry));
            }
        }

        index.Files = files;
        index.Junk = junk;
        index.Metadata = metadata;
        index.Duplicates = reader.DuplicatePaths;
        return index;
    }

    /// <summary>The folder at a path ("" for the root), or null when no file lies under it (or it is clutter).</summary>
    public IndexedFolder? Find(ReadOnlySpan<char> path) => _lookup.TryGetValue(path, out var folder) && !folder.IsJunk ? folder : null;


    /// <summary>Every file under a folder, depth first, skipping the sub-folders <paramref name="skip"/> says to.</summary>
    public static void CollectFiles(IndexedFolder folder, List<ArchiveEntry> into, Func<IndexedFolder, bool>? skip = null)
    {
        var stack = new Stack<IndexedFolder>();
        stack.Push(folder);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            into.AddRange(current.Files);
            for (var i = current.Folders.Count - 1; i >= 0; i--)
            {
                var child = current.Folders[i];
                if (skip is null || !skip(child))
                {
                    stack.Push(child);
                }
            }
        }
    }

    private IndexedFolder GetOrAdd(ReadOnlySpan<char> path)
    {
        if (_lookup.TryGetValue(path, out var existing))
        {
            return existing;
        }

        var slash = path.LastIndexOf('/');
        var parent = GetOrAdd(slash < 0 ? [] : path[..slash]);
        var text = path.ToString();
        var folder = new IndexedFolder(text, parent, parent.IsJunk || ArchiveJunk.IsJunk(text[(slash + 1)..]));
        if (!folder.IsJunk)
        {
            parent.Folders.Add(folder);
        }

        _folders.Add(folder.Path, folder);
        return folder;
    }

    private bool IsJunkName(ReadOnlySpan<char> name)
    {
        if (!_junkNameLookup.TryGetValue(name, out var junk))
        {
            var text = name.ToString();
            junk = ArchiveJunk.IsJunk(text);
            _junkNames.Add(text, junk);
        }

        return junk;
    }
}

/// <summary>A folder of the entry index.</summary>
internal sealed class IndexedFolder(string path, IndexedFolder? parent, bool isJunk)
{
    /// <summary>The folder is, or lies inside, operating-system clutter (kept out of <see cref="Folders"/>).</summary>
    public bool IsJunk { get; } = isJunk;

    /// <summary>The folder path relative to the archive root; "" for the root.</summary>
    public string Path { get; } = path;

    public IndexedFolder? Parent { get; } = parent;

    /// <summary>The last path segment.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    public List<ArchiveEntry> Files { get; } = [];

    public List<IndexedFolder> Folders { get; } = [];

    /// <summary>The file with this name directly in the folder, or null.</summary>
    public ArchiveEntry? File(string name)
    {
        foreach (var file in Files)
        {
            var path = file.Path;
            if (path.Length == (Path.Length == 0 ? 0 : Path.Length + 1) + name.Length && path.EndsWith(name, StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }
}
