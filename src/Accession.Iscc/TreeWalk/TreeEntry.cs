using System.Runtime.InteropServices;
using Accession.Iscc.Platform;

namespace Accession.Iscc.TreeWalk;

/// <summary>
/// One file of a tree to walk or hash, whatever holds it: a file on disk (<see cref="FromFile"/>), an
/// archive entry, an HTTP download, bytes in memory (<see cref="FromMemory"/>). It is named by its path
/// below the tree's root and opened only when its bytes are needed. Immutable; whether
/// <see cref="OpenAsync"/> may be called from several threads at once is up to the opener.
/// </summary>
public sealed class TreeEntry
{
    // Null for a file on this machine, opened by its path.
    private readonly Func<CancellationToken, ValueTask<Stream>>? _open;

    // For a file listed by the walk: its folder, from which the full path is made when first asked.
    private readonly string? _folder;
    private string? _fullPath;

    /// <summary>An entry whose bytes <paramref name="open"/> provides, once for each call of <see cref="OpenAsync"/>.</summary>
    /// <param name="relativePath">
    /// The path below the tree's root with <c>/</c> separators, e.g. <c>images/a.tif</c>: no leading or
    /// trailing slash, no empty, <c>.</c> or <c>..</c> segment.
    /// </param>
    /// <param name="length">The size in bytes if known (used for progress only), otherwise -1.</param>
    /// <param name="open">Opens a fresh stream over the entry's bytes; the caller disposes it.</param>
    /// <exception cref="ArgumentException"><paramref name="relativePath"/> is not a relative path.</exception>
    public TreeEntry(string relativePath, long length, Func<CancellationToken, ValueTask<Stream>> open)
        : this(relativePath, length, fullPath: null)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    private TreeEntry(string relativePath, long length, string? fullPath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, -1);
        if (!IsRelativePath(relativePath))
        {
            throw new ArgumentException(
                $"'{relativePath}' is not a path below a tree's root: use '/' between names, with no leading or trailing '/' and no empty, '.' or '..' name.",
                nameof(relativePath));
        }

        RelativePath = relativePath;
        Name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        Length = length;
        _fullPath = fullPath;
    }

    // A file the walk listed: the names come from the folder's listing, so they need no checking, and
    // the full path is only made if the file is opened (listing a folder needs only the names).
    private TreeEntry(string folder, string name, string relativePath, long length)
    {
        RelativePath = relativePath;
        Name = name;
        Length = length;
        _folder = folder;
    }

    /// <summary>The path below the tree's root, with <c>/</c> separators.</summary>
    public string RelativePath { get; }

    /// <summary>The file name: the last segment of <see cref="RelativePath"/>.</summary>
    public string Name { get; }

    /// <summary>The size in bytes when the entry was listed, or -1 when unknown.</summary>
    public long Length { get; }

    /// <summary>The file's path on this machine for entries made by <see cref="FromFile"/>; otherwise null.</summary>
    public string? FullPath => _fullPath ??= _folder is null ? null : Path.Join(_folder, Name);

    /// <summary>
    /// A file on this machine, read with large reads when opened. A path holding bytes that are not valid
    /// UTF-8 (<see cref="FileNameBytes"/>, as <see cref="TreeWalker.WalkFolder(string, Action{TreeWalkException}?, CancellationToken)"/> lists them) is opened by those bytes.
    /// </summary>
    public static TreeEntry FromFile(string fullPath, string relativePath, long length = -1)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        return new TreeEntry(relativePath, length, fullPath);
    }

    /// <summary>The file <paramref name="name"/> listed in the folder <paramref name="folder"/> on this machine, as <see cref="FromFile"/>.</summary>
    internal static TreeEntry InFolder(string folder, string name, string relativePath, long length) =>
        new(folder, name, relativePath, length);

    /// <summary>Bytes held in memory (array-backed memory is not copied; it must not change while the entry is in use).</summary>
    public static TreeEntry FromMemory(string relativePath, ReadOnlyMemory<byte> content)
    {
        var bytes = MemoryMarshal.TryGetArray(content, out var segment) ? segment : new ArraySegment<byte>(content.ToArray());
        return new TreeEntry(
            relativePath,
            bytes.Count,
            _ => ValueTask.FromResult<Stream>(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)));
    }

    /// <summary>Opens a new stream over the entry's bytes; dispose it when done.</summary>
    public ValueTask<Stream> OpenAsync(CancellationToken cancellationToken = default) =>
        _open is null ? ValueTask.FromResult<Stream>(OpenFile(FullPath!)) : _open(cancellationToken);

    public override string ToString() => RelativePath;

    private static FileStream OpenFile(string fullPath) => FileNameBytes.HasRawBytes(fullPath)
        ? RawFile.OpenRead(fullPath)
        : new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    private static bool IsRelativePath(string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
