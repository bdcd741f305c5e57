namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// Option combinations that <c>accession iscc</c> refuses, checked in iscc-sum 0.1.0's order with its
/// messages (shared/specs/iscc-sum.md §4.3): each is a usage error, exit 2.
/// </summary>
internal static class IsccConflicts
{
    /// <summary>The first conflict in <paramref name="settings"/>, or null when the options fit together.</summary>
    public static string? Find(IsccSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings;
        return (s switch
        {
            { Output: not null, Check: true } => "-o/--output cannot be used with -c/--check",
            { Similar: true, Check: true } => "--similar cannot be used with -c/--check",
            { Tree: true, Check: true } => "--tree cannot be used with -c/--check",
            { Tree: true, Similar: true } => "--tree cannot be used with --similar",
            { Walk: true, Check: true } => "--walk cannot be used with -c/--check",
            { Walk: true, Similar: true } => "--walk cannot be used with --similar",
            { Walk: true, Tree: true } => "--walk cannot be used with --tree",

            // A shard's lines go back together only as lines of files (--merge); one code or group per run cannot be split.
            { Shard: not null, Check: true } => "--shard cannot be used with -c/--check",
            { Shard: not null, Tree: true } => "--shard cannot be used with --tree: one checksum of a whole folder cannot be split; shard the files instead",
            { Shard: not null, Similar: true } => "--shard cannot be used with --similar: groups need all files in one run",
            { Shard: not null, Walk: true } => "--shard cannot be used with --walk",
            { Shard: not null, Merge: true } => "--shard cannot be used with --merge",
            { Merge: true, Check: true } => "--merge cannot be used with -c/--check",
            { Merge: true, Tree: true } => "--merge cannot be used with --tree",
            { Merge: true, Similar: true } => "--merge cannot be used with --similar",
            { Merge: true, Walk: true } => "--merge cannot be used with --walk",

            // Verification options without --check would be silently ignored (coreutils refuses them too).
            { Check: false, Quiet: true } => "the -q/--quiet option is meaningful only when verifying checksums (-c/--check)",
            { Check: false, Status: true } => "the --status option is meaningful only when verifying checksums (-c/--check)",
            { Check: false, Warn: true } => "the -w/--warn option is meaningful only when verifying checksums (-c/--check)",
            { Check: false, Strict: true } => "the --strict option is meaningful only when verifying checksums (-c/--check)",
            _ => null,
        }) ?? ArgumentCount(s);
    }

    private static string? ArgumentCount(IsccSettings s)
    {
        if (s.Threshold < 0)
        {
            return "--threshold must be 0 or more";
        }

        // One folder is enough to compare the files inside it.
        if (s.Similar && s.Files.Count < 2 && !(s.Files.Count == 1 && FolderPath.Exists(s.Files[0])))
        {
            return "--similar requires at least 2 files to compare";
        }

        if (s.Tree && s.Files.Count != 1)
        {
            return "--tree requires exactly one directory argument";
        }

        if (s.Walk && s.Files.Count != 1)
        {
            return "--walk requires exactly one directory argument";
        }

        if (s.Merge && s.Files.Count == 0)
        {
            return "--merge requires the output files of all --shard runs";
        }

        return s.Shard is null ? null : ShardArguments.Find(s.Files);
    }
}
