using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Platform;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--check</c>: reads checksum files (both line forms, a leading byte order mark ignored), hashes
/// every listed file or <c>--tree</c> folder, and prints <c>path: OK</c> or <c>path: FAILED</c>
/// (shared/specs/iscc-sum.md §4.3). Narrow or wide is chosen per line from the code's length.
/// Warnings on stderr sum up bad lines, unreadable files and mismatches. Exit 1 when any file failed or
/// could not be read; 2 when a checksum file could not be read or held no checksum line, or with
/// <c>--strict</c> when a line was improperly formatted.
/// </summary>
internal sealed class CheckVerifier(
    IsccSettings settings,
    CommandConsole console,
    TextWriter output,
    ByteProgress progress,
    ErrorLineWriter errors,
    CancellationToken cancellationToken)
{
    // With --status nothing but the exit code tells about the files.
    private readonly ErrorLineWriter _fileErrors = FileErrorsOf(settings, errors);
    private readonly InputHasher _files = new(console, FileErrorsOf(settings, errors), cancellationToken);
    // A checksum file kept inside the folder it describes is not part of that folder's checksum.
    private readonly HashSet<string> _checksumFiles = new(
        settings.Files.Where(f => f != DisplayPath.StandardInput).Select(Path.GetFullPath), StringComparer.Ordinal);

    private const string FolderNotUtf8 = "folders whose names are not valid UTF-8 cannot be walked yet";

    private int _failed;
    private int _unreadable;
    private int _badLines;
    private bool _cannotRun;

    public async Task<int> RunAsync()
    {
        var checksumFiles = settings.Files.Count == 0 ? [DisplayPath.StandardInput] : settings.Files;
        var checksums = new List<ChecksumLine>();
        foreach (var checksumFile in checksumFiles)
        {
            var text = await ReadChecksumFileAsync(checksumFile).ConfigureAwait(false);
            if (text is not null)
            {
                checksums.AddRange(ParseLines(checksumFile, text));
            }
        }

        // Files are hashed side by side as `accession iscc` hashes them; verdicts come in the order of the lines.
        // No file is sized up front (a system call per file): progress counts lines done of the lines
        // read, and bytes as they are hashed.
        var items = checksums.ConvertAll(checksum => new CheckItem(checksum, new HashInput(checksum.Path, checksum.Path, HashInput.UnknownLength)));
        progress.Expect(0, items.Count);
        var hashing = new OrderedHashing<CheckItem, CheckOutcome>(items, HashAsync, HandOn, FlushVerdicts, cancellationToken);
        // A single line needs no threads of its own (a large file is still hashed on every core).
        await hashing.RunAsync(Math.Min(items.Count, Environment.ProcessorCount)).ConfigureAwait(false);
        FlushVerdicts();

        if (!settings.Status)
        {
            WriteSummary();
        }

        if (_cannotRun || (settings.Strict && _badLines > 0))
        {
            return ExitCodes.CannotRun;
        }

        return _failed > 0 || _unreadable > 0 ? ExitCodes.Negative : ExitCodes.Success;
    }

    private async Task<string?> ReadChecksumFileAsync(string checksumFile)
    {
        try
        {
            return await ChecksumFileText.ReadAsync(checksumFile, console, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Write(DisplayPath.Of(checksumFile), IoErrorText.Describe(e));
            _cannotRun = true;
            return null;
        }
    }

    private List<ChecksumLine> ParseLines(string checksumFile, string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        string[] lines = settings.Zero ? text.Split('\0') : text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var checksums = new List<ChecksumLine>();
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (line.Length == 0 || ChecksumLine.IsUnitLine(line))
            {
                continue;
            }

            if (ChecksumLine.Parse(line, escapes: !settings.Zero) is not { } checksum)
            {
                _badLines++;
                if (settings.Warn && !settings.Status)
                {
                    errors.Write($"{DisplayPath.Of(checksumFile)}: {number}", "improperly formatted ISCC checksum line");
                }

                continue;
            }

            checksums.Add(checksum);
        }

        if (checksums.Count == 0)
        {
            errors.Write(DisplayPath.Of(checksumFile), "no properly formatted ISCC checksum lines found");
            _cannotRun = true;
        }

        return checksums;
    }

    private static ErrorLineWriter FileErrorsOf(IsccSettings settings, ErrorLineWriter errors) =>
        settings.Status ? new ErrorLineWriter(TextWriter.Null, errors.Program) : errors;

    private async ValueTask<CheckOutcome> HashAsync(CheckItem item)
    {
        if (!item.Line.IsTree)
        {
            return new CheckOutcome(await _files.TryHashAsync(item.File, progress).ConfigureAwait(false), null);
        }

        // A tree's messages may be several; they wait for the tree's place among the verdicts.
        var treeErrors = ErrorLineWriter.Holding(errors.Program);
        return new CheckOutcome(new HashOutcome(await HashTreeAsync(item.Line.Path, treeErrors).ConfigureAwait(false), null), treeErrors);
    }

    private void HandOn(CheckItem item, CheckOutcome outcome)
    {
        if (outcome.File.Error is not null || outcome.TreeErrors is { Count: > 0 })
        {
            // Messages on stderr come after the verdicts before them, as when each verdict was flushed.
            FlushVerdicts();
        }

        if (outcome.TreeErrors is { } treeErrors)
        {
            treeErrors.PassHeldLinesTo(_fileErrors);
            progress.Complete(outcome.File.Result?.Filesize ?? 0);
        }
        else
        {
            _files.Report(item.File, outcome.File, progress);
        }

        Verify(item.Line, outcome.File.Result);
    }

    private void Verify(ChecksumLine checksum, IsccSumResult? result)
    {
        if (result is null)
        {
            _unreadable++;
            Report(checksum.Path, "FAILED open or read");
        }
        else if (result.ToIscc(checksum.Width) == checksum.Code)
        {
            if (!settings.Quiet)
            {
                Report(checksum.Path, "OK");
            }
        }
        else
        {
            _failed++;
            Report(checksum.Path, "FAILED");
        }
    }

    private async Task<IsccSumResult?> HashTreeAsync(string path, ErrorLineWriter treeErrors)
    {
        var folder = path.TrimEnd('/');
        folder = folder.Length == 0 ? "/" : folder;
        if (!FolderPath.Exists(folder))
        {
            treeErrors.Write(folder, File.Exists(folder) ? "Not a directory" : FileNameBytes.HasRawBytes(folder) ? FolderNotUtf8 : IoErrorText.NotFound);
            return null;
        }

        return await new TreeHasher(treeErrors, _checksumFiles, cancellationToken).HashAsync(folder, progress).ConfigureAwait(false);
    }

    // No verdict is printed once a signal arrived; verdicts known together are sent together.
    private void Report(string path, string verdict)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!settings.Status)
        {
            var (escaped, name) = settings.Zero ? (false, path) : ChecksumPath.Escape(path);
            using (progress.Quiet())
            {
                output.Write($"{(escaped ? "\\" : string.Empty)}{name}: {verdict}\n");
            }
        }
    }

    private void FlushVerdicts()
    {
        using (progress.Quiet())
        {
            output.Flush();
        }
    }

    private void WriteSummary()
    {
        // coreutils' wording and plurals.
        if (_badLines > 0)
        {
            errors.Write(_badLines == 1 ? "WARNING: 1 line is improperly formatted" : $"WARNING: {_badLines} lines are improperly formatted");
        }

        if (_unreadable > 0)
        {
            errors.Write(_unreadable == 1 ? "WARNING: 1 listed file could not be read" : $"WARNING: {_unreadable} listed files could not be read");
        }

        if (_failed > 0)
        {
            errors.Write(_failed == 1 ? "WARNING: 1 computed checksum did NOT match" : $"WARNING: {_failed} computed checksums did NOT match");
        }
    }

    /// <summary>A checksum line and the file it names (for a <c>--tree</c> line, the folder).</summary>
    private sealed record CheckItem(ChecksumLine Line, HashInput File);

    /// <summary>What hashing a line's file or folder gave; a folder's messages held for its place.</summary>
    private readonly record struct CheckOutcome(HashOutcome File, ErrorLineWriter? TreeErrors);
}
