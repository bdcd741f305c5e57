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
        var errors = new ErrorLineWriter(error, Program);
        if (IsccConflicts.Find(settings) is { } conflict)
        {
            errors.Write(conflict);
            return ExitCodes.CannotRun;
        }

        using var signal = TerminationSignal.Listen();
        try
        {
            return settings.Check
                ? await CheckAsync(errors, cancellationToken).ConfigureAwait(false)
                : await GenerateAsync(errors, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.Write("interrupted");
            return signal.ExitCode;
        }
    }

    private async Task<int> CheckAsync(ErrorLineWriter errors, CancellationToken cancellationToken)
    {
        var target = OutputTarget.ToStandardOutput(output);
        try
        {
            var exitCode = await new CheckVerifier(settings, console, target.Writer, error, errors, cancellationToken).RunAsync().ConfigureAwait(false);
            target.Commit();
            return exitCode;
        }
        catch (IOException e)
        {
            // Reading errors are handled per file; what reaches here failed to write.
            errors.Write("standard output", $"write error: {IoErrorText.Describe(e)}");
            return ExitCodes.CannotRun;
        }
        finally
        {
            target.Abandon();
        }
    }

    private async Task<int> GenerateAsync(ErrorLineWriter errors, CancellationToken cancellationToken)
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
            var writer = new SumWriter(target.Writer, settings.Tag, settings.Zero);
            int exitCode;
            try
            {
                exitCode = await GenerateLinesAsync(writer, errors, excluded, cancellationToken).ConfigureAwait(false);
                if (exitCode == ExitCodes.Success || target.Path is null)
                {
                    target.Commit();
                }
                else
                {
                    target.Abandon();
                }
            }
            catch (IOException e)
            {
                // Reading errors are handled per input; what reaches here failed to write.
                target.Abandon();
                errors.Write(target.Path is null ? "standard output" : DisplayPath.Of(settings.Output!), $"write error: {IoErrorText.Describe(e)}");
                return ExitCodes.CannotRun;
            }
            catch
            {
                target.Abandon();
                throw;
            }

            return exitCode;
        }
    }

    private Task<int> GenerateLinesAsync(SumWriter writer, ErrorLineWriter errors, HashSet<string> excluded, CancellationToken cancellationToken)
    {
        if (settings.Tree || settings.Walk)
        {
            var trees = new TreeSums(settings, console, error, errors, excluded, cancellationToken);
            return settings.Tree ? trees.WriteTreeAsync(writer) : Task.FromResult(trees.WriteWalk(writer));
        }

        var files = new FileSums(settings, console, error, errors, excluded, cancellationToken);
        return settings.Similar ? files.WriteSimilarAsync(writer) : files.WriteSumsAsync(writer);
    }
}
