using Accession.Cli.Terminal;
using Accession.Iscc;
using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// One ISCC-SUM per input (the default) and <c>--similar</c> groups (shared/specs/iscc-sum.md §4.3).
/// Inputs that cannot be read are reported and skipped; the run then ends with exit 2.
/// </summary>
internal sealed class FileSums(
    IsccSettings settings,
    CommandConsole console,
    ByteProgress progress,
    ErrorLineWriter errors,
    IReadOnlySet<string> excludedFullPaths,
    CancellationToken cancellationToken)
{
    public async Task<int> WriteSumsAsync(SumWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return await HashEachAsync(
                (input, result) => writer.WriteSum(result.ToIscc(settings.Width), input.DisplayPath, settings.Units ? result.Units : null, flush: false),
                writer.Flush).ConfigureAwait(false)
            ? ExitCodes.CannotRun
            : ExitCodes.Success;
    }

    public async Task<int> WriteSimilarAsync(SumWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var hashed = new List<(HashInput Input, IsccCode Code)>();
        var failed = await HashEachAsync((input, result) => hashed.Add((input, result.ToCode(settings.Width))), () => { }).ConfigureAwait(false);

        var groups = SimilarityGrouper.Find(
            hashed.Count,
            (a, b) => IsccSimilarity.DataHammingDistance(hashed[a].Code, hashed[b].Code),
            settings.Threshold);
        for (var g = 0; g < groups.Count; g++)
        {
            if (g > 0)
            {
                writer.WriteGroupSeparator();
            }

            var (input, code) = hashed[groups[g].Reference];
            writer.WriteSum(code.ToString(), input.DisplayPath);
            foreach (var (index, distance) in groups[g].Members)
            {
                writer.WriteSimilar(hashed[index].Code.ToString(), hashed[index].Input.DisplayPath, distance);
            }
        }

        return failed ? ExitCodes.CannotRun : ExitCodes.Success;
    }

    /// <summary>
    /// Hashes the inputs side by side on every core and hands each result on in input order as soon as
    /// it is known (errors are reported in that order too); true when some input failed.
    /// </summary>
    private async Task<bool> HashEachAsync(Action<HashInput, IsccSumResult> onResult, Action afterBatch)
    {
        var inputs = new InputExpander(excludedFullPaths).Expand(settings.Files, cancellationToken);
        if (settings.Shard is { } shard)
        {
            inputs = inputs.Where(input => shard.Includes(input.DisplayPath));
        }

        var hasher = new InputHasher(console, errors, cancellationToken);
        var failed = false;
        var hashing = new OrderedHashing<HashInput, HashOutcome>(
            inputs,
            input =>
            {
                // The total grows as folders are listed: they are walked while hashing goes on.
                progress.Expect(input.Length);
                return hasher.TryHashAsync(input, progress);
            },
            (input, outcome) =>
            {
                hasher.Report(input, outcome, progress);
                if (outcome.Result is { } result)
                {
                    onResult(input, result);
                }
                else
                {
                    failed = true;
                }
            },
            afterBatch,
            cancellationToken);

        // Standard input is read once, by one flow. One named file needs no threads of its own either;
        // OrderedHashing sees that by itself, without asking the system whether the argument is a folder.
        var readsStandardInput = settings.Files.Count == 0 || settings.Files.Contains(DisplayPath.StandardInput);
        await hashing.RunAsync(readsStandardInput ? 1 : Environment.ProcessorCount).ConfigureAwait(false);
        return failed;
    }
}
