using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Platform;

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
                    var result = await IsccSum.HashAsync(stdin, progress.ForInput(input.DisplayPath), cancellationToken).ConfigureAwait(false);
                    if (console.InputEndGrace > TimeSpan.Zero)
                    {
                        await Task.Delay(console.InputEndGrace, cancellationToken).ConfigureAwait(false);
                    }

                    return result;
                }
            }

            if (Directory.Exists(input.FullPath))
            {
                errors.Write(input.DisplayPath, IoErrorText.IsADirectory);
                return null;
            }

            if (FileNameBytes.HasRawBytes(input.FullPath!))
            {
                var file = RawFile.OpenRead(input.FullPath!);
                await using (file.ConfigureAwait(false))
                {
                    return await IsccSum.HashAsync(file, progress.ForInput(input.DisplayPath), cancellationToken).ConfigureAwait(false);
                }
            }

            return await IsccSum.HashFileAsync(input.FullPath!, progress.ForInput(input.DisplayPath), readMode, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Write(input.DisplayPath, IoErrorText.Describe(input.DisplayPath, e));
            return null;
        }
        finally
        {
            progress.Complete(input.Length);
        }
    }
}
