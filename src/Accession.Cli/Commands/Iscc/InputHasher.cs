using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Platform;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Hashes one input with the engine (each file is read once into buffers, never mapped; a small file in
/// one read on the calling thread, a large one on two cores). An input that cannot be read yields its
/// error text instead of a result. Thread-safe: inputs may be hashed side by side.
/// </summary>
internal sealed class InputHasher(CommandConsole console, ErrorLineWriter errors, CancellationToken cancellationToken)
{
    // Below this a file is hashed in one go, so a progress sink of its own would only flicker.
    private const long ProgressPerInputFrom = 1 << 20;

    /// <summary>Hashes <paramref name="input"/>, reports an error on stderr, and marks it done on <paramref name="progress"/>; null when it failed.</summary>
    public async Task<IsccSumResult?> HashAsync(HashInput input, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        var outcome = await TryHashAsync(input, progress).ConfigureAwait(false);
        Report(input, outcome, progress);
        return outcome.Result;
    }

    /// <summary>Writes the error of a failed <paramref name="outcome"/> and marks <paramref name="input"/> done.</summary>
    public void Report(HashInput input, HashOutcome outcome, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        if (outcome.Error is { } error)
        {
            errors.Write(input.DisplayPath, error);
        }

        progress.Complete(input.Length == HashInput.UnknownLength ? outcome.Result?.Filesize ?? 0 : input.Length);
    }

    /// <summary>Hashes <paramref name="input"/>; nothing is written, so outcomes can be reported later in input order.</summary>
    public async ValueTask<HashOutcome> TryHashAsync(HashInput input, ByteProgress progress)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        if (input.Error is { } failed)
        {
            return new HashOutcome(null, failed);
        }

        try
        {
            if (input.IsStandardInput)
            {
                var stdin = console.OpenStandardInput();
                await using (stdin.ConfigureAwait(false))
                {
                    return new HashOutcome(await IsccSum.HashAsync(stdin, progress.ForInput(input.DisplayPath), cancellationToken).ConfigureAwait(false), null);
                }
            }

            var inputProgress = input.Length is >= ProgressPerInputFrom or HashInput.UnknownLength ? progress.ForInput(input.DisplayPath) : null;
            if (FileNameBytes.HasRawBytes(input.FullPath!))
            {
                var file = RawFile.OpenRead(input.FullPath!);
                await using (file.ConfigureAwait(false))
                {
                    return new HashOutcome(await IsccSum.HashAsync(file, inputProgress, cancellationToken).ConfigureAwait(false), null);
                }
            }

            // A file seen to be a regular file has the size seen, unless it changed since (then it is hashed as it is).
            var listedLength = input.IsKnownRegularFile ? input.Length : -1;
            return new HashOutcome(await IsccSum.HashFileAsync(input.FullPath!, listedLength, inputProgress, FileReadMode.Read, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Asked only once opening failed, to save a system call per file: a file seen to be a
            // regular file is known not to be a folder; a checksum line's path may be one.
            if (!input.IsKnownRegularFile && FolderPath.Exists(input.FullPath))
            {
                return new HashOutcome(null, IoErrorText.IsADirectory);
            }

            return new HashOutcome(null, IoErrorText.Describe(input.DisplayPath, e));
        }
    }
}
