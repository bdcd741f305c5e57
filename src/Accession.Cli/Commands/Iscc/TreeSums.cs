using Accession.Cli.Terminal;
using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--tree</c> (one ISCC-SUM for a whole folder, printed as <c>ISCC:… *dir/</c>) and <c>--walk</c>
/// (the folder's files in the order <c>--tree</c> hashes them) (shared/specs/iscc-sum.md §4.3).
/// </summary>
internal sealed class TreeSums(
    IsccSettings settings,
    ByteProgress progress,
    ErrorLineWriter errors,
    IReadOnlySet<string> excludedFullPaths,
    CancellationToken cancellationToken)
{
    private string Folder => settings.Files[0];

    public async Task<int> WriteTreeAsync(SumWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var trees = new TreeHasher(errors, excludedFullPaths, cancellationToken);
        if (ListFiles(trees, "--tree") is not { } entries)
        {
            return ExitCodes.CannotRun;
        }

        progress.Expect(entries.Sum(entry => entry.Length));
        var result = await trees.HashAsync(Folder, entries, progress).ConfigureAwait(false);
        if (result is null)
        {
            return ExitCodes.CannotRun;
        }

        writer.WriteSum(result.ToIscc(settings.Width), DisplayPath.OfTree(Folder), settings.Units ? result.Units : null);

        return ExitCodes.Success;
    }

    public int WriteWalk(SumWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ListFiles(new TreeHasher(errors, excludedFullPaths, cancellationToken), "--walk", withLengths: false) is not { } entries)
        {
            return ExitCodes.CannotRun;
        }

        // The whole list is known at once, so it is sent in large writes, not one per line.
        foreach (var entry in entries)
        {
            writer.WriteLine(entry.RelativePath, flush: false);
        }

        writer.Flush();

        return ExitCodes.Success;
    }

    private List<TreeEntry>? ListFiles(TreeHasher trees, string mode, bool withLengths = true)
    {
        if (!FolderPath.Exists(Folder))
        {
            if (File.Exists(Folder))
            {
                errors.Write($"{mode} requires a directory, not a file: '{Folder}'");
            }
            else
            {
                errors.Write(DisplayPath.Of(Folder), IoErrorText.NotFound);
            }

            return null;
        }

        var entries = trees.List(Folder, withLengths);
        if (entries is { Count: 0 })
        {
            errors.Write(DisplayPath.Of(Folder), "no files found");
            return null;
        }

        return entries;
    }
}
