using Accession.Cli.Terminal;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--merge FILE...</c>: puts the outputs of the n runs of one <c>--shard i/n</c> job back together,
/// in the order one run would have printed them (<see cref="WalkOrder"/>), so the result equals that
/// run's output byte for byte. Each line (with its <c>--units</c> lines) is copied as written, so
/// <c>--tag</c>, <c>--units</c>, <c>--narrow</c> and escapes pass through; <c>-z</c> must be given when
/// the shards were made with it. Before anything is written it checks that the files are all n shards of
/// one job (every line of a file belongs to the same shard of n, no shard twice) and each in walk order.
/// </summary>
internal sealed class ShardMerger(IsccSettings settings, CommandConsole console, ErrorLineWriter errors, CancellationToken cancellationToken)
{
    /// <summary>One file's checksum line followed by its unit lines, exactly as written.</summary>
    private sealed record Record(string Path, List<string> Lines);

    public async Task<int> WriteAsync(SumWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var shards = new List<List<Record>>();
        foreach (var file in settings.Files)
        {
            if (await ReadAsync(file).ConfigureAwait(false) is not { } records)
            {
                return ExitCodes.CannotRun;
            }

            shards.Add(records);
        }

        if (!BelongTogether(shards))
        {
            return ExitCodes.CannotRun;
        }

        // Each shard is in walk order already: a k-way merge.
        var next = new PriorityQueue<(int Shard, int Position), string>(WalkOrder.Instance);
        for (var s = 0; s < shards.Count; s++)
        {
            if (shards[s].Count > 0)
            {
                next.Enqueue((s, 0), shards[s][0].Path);
            }
        }

        while (next.TryDequeue(out var at, out _))
        {
            foreach (var line in shards[at.Shard][at.Position].Lines)
            {
                writer.WriteLine(line);
            }

            if (at.Position + 1 < shards[at.Shard].Count)
            {
                next.Enqueue((at.Shard, at.Position + 1), shards[at.Shard][at.Position + 1].Path);
            }
        }

        return ExitCodes.Success;
    }

    private async Task<List<Record>?> ReadAsync(string file)
    {
        string text;
        try
        {
            text = await ChecksumFileText.ReadAsync(file, console, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Write(DisplayPath.Of(file), IoErrorText.Describe(e));
            return null;
        }

        // Every line ends with its terminator, so text made with -z has a NUL and text made without has none.
        if (text.Length > 0 && text.Contains('\0', StringComparison.Ordinal) != settings.Zero)
        {
            errors.Write(DisplayPath.Of(file), settings.Zero
                ? "has no NUL-terminated lines; the shards were made without -z, so merge without -z"
                : "has NUL-terminated lines; the shards were made with -z, so merge with -z");
            return null;
        }

        var lines = text.Split(settings.Zero ? '\0' : '\n');
        var records = new List<Record>();
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (number == lines.Length && line.Length == 0)
            {
                break; // after the last terminator
            }

            if (records.Count > 0 && ChecksumLine.IsUnitLine(line))
            {
                records[^1].Lines.Add(line);
            }
            else if (ChecksumLine.Parse(line, escapes: !settings.Zero) is { IsTree: false } checksum)
            {
                if (records.Count > 0 && WalkOrder.Instance.Compare(records[^1].Path, checksum.Path) >= 0)
                {
                    errors.Write($"{DisplayPath.Of(file)}: {number}", "not in walk order after the line before; --merge reads outputs of --shard runs as written");
                    return null;
                }

                records.Add(new Record(checksum.Path, [line]));
            }
            else
            {
                errors.Write($"{DisplayPath.Of(file)}: {number}", "not a checksum line of a --shard run");
                return null;
            }
        }

        return records;
    }

    // n files are the n shards of one job when each file's lines all fall in one shard of n, each shard once.
    private bool BelongTogether(List<List<Record>> shards)
    {
        var count = shards.Count;
        var owners = new Dictionary<int, int>();
        for (var s = 0; s < count; s++)
        {
            if (shards[s].Count == 0)
            {
                continue;
            }

            var shard = ShardSpec.Of(shards[s][0].Path, count);
            if (shards[s].FirstOrDefault(record => ShardSpec.Of(record.Path, count) != shard) is { } stranger)
            {
                errors.Write(
                    DisplayPath.Of(settings.Files[s]),
                    $"'{OneLineName.Of(stranger.Path)}' belongs to another shard of {count} than the lines before it; give the outputs of all shards of one --shard job, each once");
                return false;
            }

            if (!owners.TryAdd(shard, s))
            {
                errors.Write(
                    DisplayPath.Of(settings.Files[s]),
                    $"holds shard {shard}/{count} like {DisplayPath.Of(settings.Files[owners[shard]])}; give the outputs of all shards of one --shard job, each once");
                return false;
            }
        }

        return true;
    }
}
