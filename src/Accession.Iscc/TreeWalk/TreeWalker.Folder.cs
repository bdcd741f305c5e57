using System.IO.Enumeration;
using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Iscc.TreeWalk;

public static partial class TreeWalker
{
    private const long LeftOut = -1;

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
        onError ??= e => throw e;
        return Walk(root, ListFolder, file => ReadIgnoreFile(file, onError), onError, cancellationToken);
    }

    private static Listing<string> ListFolder(string folder, string relativeFolder)
    {
        List<(string Name, bool IsFolder, long Length)> listed;
        try
        {
            // Symbolic links (and Windows junctions) are never followed nor yielded (treewalk.md §4.3).
            // Like the reference walker, which yields only regular files, FIFOs, sockets and devices
            // are left out too: opening a FIFO would wait for a writer.
            // .NET replaces bytes that are not valid UTF-8 with U+FFFD, losing the name: such a folder
            // (and every folder below such a name) is listed byte for byte instead.
            listed = FileNameBytes.HasRawBytes(folder) ? RawFolder.List(folder) : [.. new FileSystemEnumerable<(string Name, bool IsFolder, long Length)>(
                folder,
                static (ref FileSystemEntry entry) => entry.IsDirectory
                    ? (entry.FileName.ToString(), true, (entry.Attributes & FileAttributes.ReparsePoint) == 0 ? 0 : LeftOut)
                    : (entry.FileName.ToString(), false, LengthOfRegularFile(ref entry)),
                ListingOptions)];
            if (RawFolder.IsAvailable && listed.Exists(static item => item.Name.Contains('\uFFFD', StringComparison.Ordinal)))
            {
                listed = RawFolder.List(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TreeWalkException(folder, e.Message, e);
        }

        listed.RemoveAll(item => item.Length == LeftOut);
        return new Listing<string>(
            [.. listed.Where(item => !item.IsFolder)
                .Select(item => TreeEntry.FromFile(Path.Join(folder, item.Name), Join(relativeFolder, item.Name), item.Length))],
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
