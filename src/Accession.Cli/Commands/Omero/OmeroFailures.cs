using Accession.Cli.Terminal;
using Accession.Omero.Web;

namespace Accession.Cli.Commands.Omero;

/// <summary>
/// How the commands that talk to OMERO.web end when they cannot: a refused login or an unreachable
/// server is one line and exit 2, a stop by SIGINT/SIGTERM exits 130/143.
/// </summary>
internal static class OmeroFailures
{
    public static async Task<int> ReportAsync(Func<Task<int>> run, ErrorLineWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (OmeroLoginException e)
        {
            errors.Write(e.Message);
            return ExitCodes.CannotRun;
        }
        catch (OmeroWebException e)
        {
            errors.Write(e.Message.TrimEnd('.') + "; check web_url and that OMERO.web is running.");
            return ExitCodes.CannotRun;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TerminationSignal.ExitCode;
        }
    }
}
