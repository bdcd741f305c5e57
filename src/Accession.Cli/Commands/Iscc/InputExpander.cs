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
                continue;
            }

            foreach (var input in ExpandNamed(argument, cancellationToken))
            {
                yield return input;
            }
        }
    }

    private IEnumerable<HashInput> ExpandNamed(string argument, CancellationToken cancellationToken)
    {
        // One statx(2) says whether the argument is a folder or a file and how long (.NET would ask
        // stat and lstat twice), so a named file costs no more than opening, reading and closing it.
        var length = 0L;
        var kind = FileNameBytes.HasRawBytes(argument) ? PathKind.Unknown : FileKind.Look(argument, out length);
        if (kind == PathKind.Folder || (kind == PathKind.Unknown && FolderPath.Exists(argument)))
        {
            foreach (var input in Walk(argument, cancellationToken))
            {
                yield return input;
            }
        }
        else if (kind == PathKind.RegularFile)
        {
            yield return new HashInput(DisplayPath.Of(argument), argument, length, IsKnownRegularFile: true);
        }
        else if (kind == PathKind.Special || (kind == PathKind.Unknown && File.Exists(argument)))
        {
            yield return new HashInput(DisplayPath.Of(argument), argument, kind == PathKind.Special ? 0 : LengthOf(argument));
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

    private IEnumerable<HashInput> Walk(string folder, CancellationToken cancellationToken)
    {
        // Asked once: Path.GetFullPath of a relative path asks the system for it on every call.
        var here = Environment.CurrentDirectory;
        var walkErrors = new Queue<HashInput>();
        foreach (var entry in TreeWalker.WalkFolder(folder, e => walkErrors.Enqueue(FailedInput(e)), cancellationToken))
        {
            while (walkErrors.TryDequeue(out var failed))
            {
                yield return failed;
            }

            if (excludedFullPaths.Count == 0 || !excludedFullPaths.Contains(Path.GetFullPath(entry.FullPath!, here)))
            {
                yield return new HashInput(DisplayPath.Below(folder, entry.RelativePath), entry.FullPath, entry.Length, IsKnownRegularFile: true);
            }
        }

        while (walkErrors.TryDequeue(out var failed))
        {
            yield return failed;
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
