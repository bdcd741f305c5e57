using Accession.Cli.Terminal;
using Accession.Iscc;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Hashes one input with the engine's two-core pipeline (each file is read once, mapped or not as
/// <paramref name="readMode"/> says); an input that cannot be read is reported on stderr and yields null.
/// </summary>
internal sealed class InputHasher(CommandConsole console, ErrorLineWriter errors, FileReadMode readMode, CancellationToken cancellationToken)
{
    public async Task<IsccSumResult?> HashAsync(HashInput input, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            if (input.IsStandardInput)
            {
                var stdin = console.OpenStandardInput();
                await using (stdin.ConfigureAwait(false))
                {
                    return await IsccSum.HashAsync(stdin, progress.ForInput(input.DisplayPath), cancellationToken).ConfigureAwait(false);
                }
            }

            if (Directory.Exists(input.FullPath))
            {
                errors.Write(input.DisplayPath, IoErrorText.IsADirectory);
                return null;
            }

            return await IsccSum.HashFileAsync(input.FullPath!, progress.ForInput(input.DisplayPath), readMode, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Write(input.DisplayPath, IoErrorText.Describe(e));
            return null;
        }
        finally
        {
            progress.Complete(input.Length);
        }
    }
}
