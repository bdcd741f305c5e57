using System.Text;

namespace Accession.Iscc.TreeWalk;

public static partial class TreeWalker
{
    /// <summary>Ignore files read from entries larger than this are reported and not applied.</summary>
    public const int MaxIgnoreFileLength = 1 << 20;

    /// <summary>
    /// Puts <paramref name="entries"/> (any files named by their relative paths: an archive's entries,
    /// the files of a download) in TREEWALK-ISCC order and leaves out what the ignore rules and the
    /// metadata rule leave out, exactly as <see cref="WalkFolder(string, Action{TreeWalkException}?, CancellationToken)"/> would for the same files on disk.
    /// The <c>.isccignore</c> entries are opened and read; no other entry is opened. An ignore file that
    /// cannot be read (or is larger than <see cref="MaxIgnoreFileLength"/>) or holds a bad pattern is
    /// reported to <paramref name="onError"/> (with its relative path); without a handler the exception
    /// is thrown.
    /// </summary>
    /// <exception cref="ArgumentException">Two entries have the same path, or a path is both a file and a folder.</exception>
    public static async Task<IReadOnlyList<TreeEntry>> OrderAsync(
        IEnumerable<TreeEntry> entries,
        Action<TreeWalkException>? onError = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        onError ??= e => throw e;
        var root = EntryFolder.Build(entries);

        // The walk is synchronous, so ignore files are read first; a failure is reported only if the
        // walk gets to that file.
        var ignoreTexts = new Dictionary<TreeEntry, (string? Text, TreeWalkException? Error)>();
        foreach (var ignoreFile in root.AllFiles().Where(file => file.Name == IgnoreFileName))
        {
            try
            {
                ignoreTexts[ignoreFile] = (await ReadTextAsync(ignoreFile, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                ignoreTexts[ignoreFile] = (null, new TreeWalkException(ignoreFile.RelativePath, e.Message, e));
            }
        }

        string? ReadIgnoreText(TreeEntry file)
        {
            var (text, error) = ignoreTexts[file];
            if (error is not null)
            {
                onError(error);
            }

            return text;
        }

        return [.. Walk(root, static (folder, _) => folder.Listing, ReadIgnoreText, onError, cancellationToken)];
    }

    private static async Task<string> ReadTextAsync(TreeEntry file, CancellationToken cancellationToken)
    {
        var stream = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxIgnoreFileLength + 1];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (length > MaxIgnoreFileLength)
            {
                throw new InvalidDataException($"The ignore file is larger than {MaxIgnoreFileLength} bytes.");
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A folder of a tree built from entries' relative paths.</summary>
    private sealed class EntryFolder
    {
        private readonly Dictionary<string, TreeEntry> _files = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EntryFolder> _folders = new(StringComparer.Ordinal);

        public Listing<EntryFolder> Listing => new(_files.Values, [.. _folders.Select(pair => (pair.Key, pair.Value))]);

        public static EntryFolder Build(IEnumerable<TreeEntry> entries)
        {
            var root = new EntryFolder();
            foreach (var entry in entries)
            {
                ArgumentNullException.ThrowIfNull(entry, nameof(entries));
                var names = entry.RelativePath.Split('/');
                var folder = root;
                for (var i = 0; i < names.Length - 1; i++)
                {
                    if (folder._files.ContainsKey(names[i]))
                    {
                        throw new ArgumentException(Conflict(entry, "names a file as a folder"), nameof(entries));
                    }

                    folder = folder._folders.TryGetValue(names[i], out var child) ? child : folder._folders[names[i]] = new EntryFolder();
                }

                if (folder._folders.ContainsKey(names[^1]))
                {
                    throw new ArgumentException(Conflict(entry, "names a folder as a file"), nameof(entries));
                }

                if (!folder._files.TryAdd(names[^1], entry))
                {
                    throw new ArgumentException(Conflict(entry, "is listed twice"), nameof(entries));
                }
            }

            return root;
        }

        public IEnumerable<TreeEntry> AllFiles() => _files.Values.Concat(_folders.Values.SelectMany(folder => folder.AllFiles()));

        private static string Conflict(TreeEntry entry, string problem) =>
            $"The entry '{entry.RelativePath}' {problem}; each path of a tree must be one file.";
    }
}
