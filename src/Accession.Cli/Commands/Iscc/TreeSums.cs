using Accession.Cli.Terminal;

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
        if (!IsFolder("--tree"))
        {
            return ExitCodes.CannotRun;
        }

        var trees = new TreeHasher(errors, excludedFullPaths, cancellationToken);
        var result = await trees.HashAsync(Folder, progress).ConfigureAwait(false);
        if (result is null || NoFiles(trees))
        {
            return ExitCodes.CannotRun;
        }

        writer.WriteSum(result.ToIscc(settings.Width), DisplayPath.OfTree(Folder), settings.Units ? result.Units : null);

        return ExitCodes.Success;
    }

    public int WriteWalk(SumWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!IsFolder("--walk"))
        {
            return ExitCodes.CannotRun;
        }

        // Lines are printed as the walk goes on, in large writes; an unreadable folder is reported in
        // its place, after the lines before it.
        var trees = new TreeHasher(errors, excludedFullPaths, cancellationToken);
        foreach (var entry in trees.Walk(Folder, beforeError: writer.Flush))
        {
            writer.WriteLine(entry.RelativePath, flush: false);
        }

        writer.Flush();

        return trees.WalkFailed || NoFiles(trees) ? ExitCodes.CannotRun : ExitCodes.Success;
    }

    private bool IsFolder(string mode)
    {
        if (FolderPath.Exists(Folder))
        {
            return true;
        }

        if (File.Exists(Folder))
        {
            errors.Write($"{mode} requires a directory, not a file: '{Folder}'");
        }
        else
        {
            errors.Write(DisplayPath.Of(Folder), IoErrorText.NotFound);
        }

        return false;
    }

    private bool NoFiles(TreeHasher trees)
    {
        if (trees.Files > 0)
        {
            return false;
        }

        errors.Write(DisplayPath.Of(Folder), "no files found");
        return true;
    }
}
