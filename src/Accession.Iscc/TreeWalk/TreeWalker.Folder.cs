using System.IO.Enumeration;
using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Iscc.TreeWalk;

public static partial class TreeWalker
{
    // Not -1, which stands for a size not asked.
    private const long LeftOut = long.MinValue;

    private static readonly EnumerationOptions ListingOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Walks the folder <paramref name="root"/> on disk, lazily: folders are listed as the walk reaches
    /// them, and ignored folders are never entered. Symbolic links are neither followed nor yielded
    /// (treewalk.md §4.3), nor are FIFOs, sockets and devices (<see cref="FileKind"/>). A folder or ignore
    /// file that cannot be read is reported to <paramref name="onError"/> (with its path on disk) and
    /// skipped; without a handler the exception is thrown.
    /// </summary>
    /// <returns>Entries made by <see cref="TreeEntry.FromFile"/>, in TREEWALK-ISCC order.</returns>
    public static IEnumerable<TreeEntry> WalkFolder(
        string root,
        Action<TreeWalkException>? onError = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        return WalkFolder(root, withLengths: true, onError, cancellationToken);
    }

    /// <summary>
    /// <see cref="WalkFolder(string, Action{TreeWalkException}?, CancellationToken)"/>, where
    /// <paramref name="withLengths"/> false leaves the sizes of the files unasked (<see cref="TreeEntry.Length"/>
    /// -1) wherever the folder's listing tells a regular file by itself (Linux): one system call less per
    /// file, for callers that need only the names or that learn each size when they open the file.
    /// </summary>
    public static IEnumerable<TreeEntry> WalkFolder(
        string root,
        bool withLengths,
        Action<TreeWalkException>? onError,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        onError ??= e => throw e;
        return Walk(root, (folder, relativeFolder) => ListFolder(folder, relativeFolder, withLengths), file => ReadIgnoreFile(file, onError), onError, cancellationToken);
    }

    private static Listing<string> ListFolder(string folder, string relativeFolder, bool lengths)
    {
        List<(string Name, bool IsFolder, long Length)> listed;
        try
        {
            // Symbolic links (and Windows junctions) are never followed nor yielded (treewalk.md §4.3).
            // Like the reference walker, which yields only regular files, FIFOs, sockets and devices
            // are left out too: opening a FIFO would wait for a writer.
            // Where folders can be listed byte for byte (RawFolder), they all are: no name is lost (.NET
            // replaces bytes that are not valid UTF-8 with U+FFFD) and the listing tells each entry's
            // type, where .NET's attributes cost an lstat and a geteuid per entry.
            listed = RawFolder.IsAvailable || FileNameBytes.HasRawBytes(folder) ? RawFolder.List(folder, lengths) : [.. new FileSystemEnumerable<(string Name, bool IsFolder, long Length)>(
                folder,
                static (ref FileSystemEntry entry) => entry.IsDirectory
                    ? (entry.FileName.ToString(), true, (entry.Attributes & FileAttributes.ReparsePoint) == 0 ? 0 : LeftOut)
                    : (entry.FileName.ToString(), false, LengthOfRegularFile(ref entry)),
                ListingOptions)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TreeWalkException(folder, e.Message, e);
        }

        listed.RemoveAll(item => item.Length == LeftOut);
        return new Listing<string>(
            [.. listed.Where(item => !item.IsFolder)
                .Select(item => TreeEntry.InFolder(folder, item.Name, Join(relativeFolder, item.Name), item.Length))],
            [.. listed.Where(item => item.IsFolder).Select(item => (item.Name, Path.Join(folder, item.Name)))]);
    }

    /// <summary>The size of a listed file, or <see cref="LeftOut"/> for a link, FIFO, socket or device.</summary>
    private static long LengthOfRegularFile(ref FileSystemEntry entry)
    {
        // One statx where it can be asked; .NET's own attributes cost an lstat and a geteuid per file.
        var length = FileKind.RegularFileLength(entry.ToFullPath());
        if (length != FileKind.Unknown)
        {
            return length == FileKind.NotRegular ? LeftOut : length;
        }

        return (entry.Attributes & FileAttributes.ReparsePoint) != 0 || FileKind.IsSpecialFile(entry.ToFullPath()) ? LeftOut : entry.Length;
    }

    private static string? ReadIgnoreFile(TreeEntry file, Action<TreeWalkException> onError)
    {
        try
        {
            if (!FileNameBytes.HasRawBytes(file.FullPath!))
            {
                return File.ReadAllText(file.FullPath!, Encoding.UTF8);
            }

            using var reader = new StreamReader(RawFile.OpenRead(file.FullPath!), Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onError(new TreeWalkException(file.FullPath!, e.Message, e));
            return null;
        }
    }
}
