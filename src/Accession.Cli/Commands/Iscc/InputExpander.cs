using Accession.Cli.Terminal;
using Accession.Iscc.Platform;
using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Turns the FILE|DIR arguments into the inputs to hash (shared/specs/iscc-sum.md §4.3): <c>-</c> is
/// standard input, a file is itself, a folder expands to its files in TREEWALK-ISCC order. Lazily:
/// a folder is listed when hashing reaches it, so memory does not grow with the number of files. A
/// missing argument or unreadable folder becomes an input that carries its error, so it is reported
/// in its place among the results, and the rest still go ahead.
/// </summary>
internal sealed class InputExpander(IReadOnlySet<string> excludedFullPaths)
{
    public IEnumerable<HashInput> Expand(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
        {
            yield return HashInput.StandardInput;
            yield break;
        }

        foreach (var argument in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (argument == DisplayPath.StandardInput)
            {
                yield return HashInput.StandardInput;
            }
            else if (FolderPath.Exists(argument))
            {
                // Asked once: Path.GetFullPath of a relative path asks the system for it on every call.
                var here = Environment.CurrentDirectory;
                var walkErrors = new Queue<HashInput>();
                foreach (var entry in TreeWalker.WalkFolder(argument, e => walkErrors.Enqueue(FailedInput(e)), cancellationToken))
                {
                    while (walkErrors.TryDequeue(out var failed))
                    {
                        yield return failed;
                    }

                    if (excludedFullPaths.Count == 0 || !excludedFullPaths.Contains(Path.GetFullPath(entry.FullPath!, here)))
                    {
                        yield return new HashInput(DisplayPath.Below(argument, entry.RelativePath), entry.FullPath, entry.Length, IsListed: true);
                    }
                }

                while (walkErrors.TryDequeue(out var failed))
                {
                    yield return failed;
                }
            }
            else if (File.Exists(argument))
            {
                yield return new HashInput(DisplayPath.Of(argument), argument, LengthOf(argument));
            }
            else if (FileNameBytes.HasRawBytes(argument) && RawFile.IsSupported)
            {
                // Opening it says whether it exists.
                yield return new HashInput(argument, argument, 0);
            }
            else if (argument.Contains('\uFFFD', StringComparison.Ordinal))
            {
                yield return HashInput.Failed(argument, IoErrorText.NotUtf8);
            }
            else
            {
                yield return HashInput.Failed(argument, IoErrorText.NotFound);
            }
        }
    }

    private static HashInput FailedInput(TreeWalkException exception) =>
        HashInput.Failed(DisplayPath.Of(exception.Path), IoErrorText.Describe(exception));

    private static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
