using Accession.Cli.Terminal;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Runs <c>accession iscc</c>: refuses conflicting options, picks the mode, sends lines to stdout or
/// the <c>-o</c> file, and maps the outcome to an exit code (0 OK, 1 a failed check, 2 usage or
/// I/O errors, 130/143 after a clean stop on SIGINT/SIGTERM).
/// </summary>
internal sealed class IsccRunner(IsccSettings settings, CommandConsole console, TextWriter output, TextWriter error)
{
    /// <summary>How error lines start.</summary>
    public const string Program = "accession iscc";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (IsccConflicts.Find(settings) is { } conflict)
        {
            new ErrorLineWriter(error, Program).Write(conflict);
            return ExitCodes.CannotRun;
        }

        using var progress = new ByteProgress(ProgressModeOf(settings, console), error, Program, console.Time);
        var errors = new ErrorLineWriter(error, Program, progress);
        try
        {
            return settings.Check
                ? await new CheckVerifier(settings, console, output, progress, errors, cancellationToken).RunAsync().ConfigureAwait(false)
                : await GenerateAsync(progress, errors, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.Write(settings.Output is null ? "interrupted" : $"interrupted; {DisplayPath.Of(settings.Output)} was not written");
            return TerminationSignal.ExitCode;
        }
    }

    private static ProgressMode ProgressModeOf(IsccSettings settings, CommandConsole console) => settings switch
    {
        { Status: true } or { Progress: false } => ProgressMode.Off,
        { Progress: true } => ProgressMode.Line,
        _ => console.ErrorIsTerminal ? ProgressMode.Line : ProgressMode.Log,
    };

    private async Task<int> GenerateAsync(ByteProgress progress, ErrorLineWriter errors, CancellationToken cancellationToken)
    {
        OutputTarget target;
        try
        {
            target = settings.Output is null ? OutputTarget.ToStandardOutput(output) : OutputTarget.ToFile(settings.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Write(DisplayPath.Of(settings.Output!), IoErrorText.Describe(e));
            return ExitCodes.CannotRun;
        }

        using (target)
        {
            // The checksum file being written is never one of the inputs.
            var excluded = target.Path is null
                ? new HashSet<string>()
                : new HashSet<string>(StringComparer.Ordinal) { target.Path, target.TemporaryPath! };
            var writer = new SumWriter(target.Writer, settings.Tag, settings.Zero, progress, cancellationToken, seenWhenComplete: target.Path is not null);
            int exitCode;
            try
            {
                exitCode = await GenerateLinesAsync(writer, progress, errors, excluded, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (exitCode == ExitCodes.Success || target.Path is null)
                {
                    target.Commit();
                    return exitCode;
                }
            }
            catch (IOException e) when (e is not StandardOutputException && target.Path is not null)
            {
                // Reading errors are handled per input; what reaches here failed to write the file.
                errors.Write(DisplayPath.Of(settings.Output!), $"write error: {IoErrorText.Describe(e)}");
                exitCode = ExitCodes.CannotRun;
            }

            target.Abandon();
            errors.Write($"{DisplayPath.Of(settings.Output!)} was not written");
            return exitCode;
        }
    }

    private Task<int> GenerateLinesAsync(SumWriter writer, ByteProgress progress, ErrorLineWriter errors, HashSet<string> excluded, CancellationToken cancellationToken)
    {
        if (settings.Tree || settings.Walk)
        {
            var trees = new TreeSums(settings, progress, errors, excluded, cancellationToken);
            return settings.Tree ? trees.WriteTreeAsync(writer) : Task.FromResult(trees.WriteWalk(writer));
        }

        if (settings.Merge)
        {
            return new ShardMerger(settings, console, errors, cancellationToken).WriteAsync(writer);
        }

        var files = new FileSums(settings, console, progress, errors, excluded, cancellationToken);
        return settings.Similar ? files.WriteSimilarAsync(writer) : files.WriteSumsAsync(writer);
    }
}
