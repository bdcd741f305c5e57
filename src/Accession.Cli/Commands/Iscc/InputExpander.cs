using Accession.Cli.Terminal;
using Accession.Iscc.TreeWalk;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Turns the FILE|DIR arguments into the list of inputs to hash (shared/specs/iscc-sum.md §4.3):
/// <c>-</c> is standard input, a file is itself, a folder expands to its files in TREEWALK-ISCC order.
/// A missing argument or unreadable folder is reported on stderr and the rest still go ahead.
/// </summary>
internal sealed class InputExpander(ErrorLineWriter errors, IReadOnlySet<string> excludedFullPaths)
{
    /// <summary>True once any argument could not be expanded.</summary>
    public bool HadErrors { get; private set; }

    public List<HashInput> Expand(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0)
        {
            return [HashInput.StandardInput];
        }

        var inputs = new List<HashInput>();
        foreach (var argument in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (argument == DisplayPath.StandardInput)
            {
                inputs.Add(HashInput.StandardInput);
            }
            else if (Directory.Exists(argument))
            {
                // Asked once: Path.GetFullPath of a relative path asks the system for it on every call.
                var here = Environment.CurrentDirectory;
                foreach (var entry in TreeWalker.WalkFolder(argument, Report, cancellationToken))
                {
                    if (excludedFullPaths.Count == 0 || !excludedFullPaths.Contains(Path.GetFullPath(entry.FullPath!, here)))
                    {
                        inputs.Add(new HashInput(DisplayPath.Below(argument, entry.RelativePath), entry.FullPath, entry.Length, IsListed: true));
                    }
                }
            }
            else if (File.Exists(argument))
            {
                inputs.Add(new HashInput(DisplayPath.Of(argument), argument, LengthOf(argument)));
            }
            else if (FileNameBytes.HasRawBytes(argument) && RawFile.IsSupported)
            {
                // Opening it says whether it exists.
                inputs.Add(new HashInput(argument, argument, 0));
            }
            else if (argument.Contains('\uFFFD', StringComparison.Ordinal))
            {
                HadErrors = true;
                errors.Write(argument, IoErrorText.NotUtf8);
            }
            else
            {
                HadErrors = true;
                errors.Write(argument, IoErrorText.NotFound);
            }
        }

        return inputs;
    }

    private void Report(TreeWalkException exception)
    {
        HadErrors = true;
        errors.Write(DisplayPath.Of(exception.Path), IoErrorText.Describe(exception));
    }

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
