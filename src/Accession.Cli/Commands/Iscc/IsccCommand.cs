using System.CommandLine;
using Accession.Cli.Terminal;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>accession iscc [OPTION]... [FILE|DIR]...</c>: ISCC-SUM checksums of files, folders and stdin,
/// with the options, output and exit codes of iscc-sum 0.1.0 (shared/specs/iscc-sum.md §4.3).
/// </summary>
internal static class IsccCommand
{
    public static Command Create(CommandConsole? console = null)
    {
        console ??= CommandConsole.System;

        var files = new Argument<string[]>("FILE|DIR")
        {
            Description = "Files or folders to hash (folders expand in TREEWALK-ISCC order); '-' or none reads standard input. With --check: the checksum files to read.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = Flag("--check", "Read checksums from the FILEs and verify them", "-c");
        var tag = Flag("--tag", "Create a BSD-style checksum output: ISCC-SUM (path) = ISCC:...");
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write checksums to FILE instead of stdout (UTF-8, LF; replaced only when the run succeeds)",
            HelpName = "FILE",
        };
        var zero = Flag("--zero", "End each output line with NUL, not newline", "-z");
        var quiet = Flag("--quiet", "Don't print OK for successfully verified files", "-q");
        var status = Flag("--status", "Don't output anything, the exit code shows success");
        var warn = Flag("--warn", "Warn about improperly formatted checksum lines", "-w");
        var strict = Flag("--strict", "Exit non-zero for improperly formatted checksum lines");
        var narrow = Flag("--narrow", "Generate the narrow format (2x64-bit, ISO 24138:2024) instead of the default 2x128-bit");
        var units = Flag("--units", "Include the 256-bit Data-Code and Instance-Code units in the output");
        var similar = Flag("--similar", "Group files by similarity of their Data-Codes (Hamming distance)");
        var threshold = new Option<int>("--threshold")
        {
            Description = "Maximum Hamming distance for --similar",
            DefaultValueFactory = _ => IsccSettings.DefaultThreshold,
            CustomParser = WholeNumber,
            HelpName = "N",
        };
        var tree = Flag("--tree", "Hash one folder as a single stream: all its files in TREEWALK-ISCC order", "-t");
        var walk = Flag("--walk", "List the files of one folder in the order --tree hashes them");
        var shard = new Option<ShardSpec?>("--shard")
        {
            Description = "Hash only shard INDEX of COUNT (0-based, e.g. $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT): the files whose path hashes to INDEX; --merge puts the shards' outputs back together",
            CustomParser = ShardOf,
            HelpName = "INDEX/COUNT",
        };
        var merge = Flag("--merge", "Put the outputs of all --shard runs of one job (the FILEs) together in the order one run prints them");
        // Accepted for b3sum compatibility and read by nothing: files are never mapped (docs/cli.md "Memory mapping").
        var noMmap = Flag("--no-mmap", "Accepted like b3sum's option; files are always read with plain reads, never mapped into memory");
        var showProgress = Flag("--progress", "Show a progress line on stderr even when it is not a terminal");
        var noProgress = Flag("--no-progress", "Show no progress, not even a log line every few seconds");

        var command = new Command(
            "iscc",
            "Compute or check ISCC-SUM checksums of files, folders (TREEWALK-ISCC) and standard input; compatible with iscc-sum.\n"
            + ExitCodes.HelpText)
        {
            files, check, tag, output, zero, quiet, status, warn, strict, narrow, units, similar, threshold, tree, walk, shard, merge, noMmap, showProgress, noProgress,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new IsccSettings
            {
                Files = parseResult.GetValue(files) ?? [],
                Check = parseResult.GetValue(check),
                Tag = parseResult.GetValue(tag),
                Output = parseResult.GetValue(output),
                Zero = parseResult.GetValue(zero),
                Quiet = parseResult.GetValue(quiet),
                Status = parseResult.GetValue(status),
                Warn = parseResult.GetValue(warn),
                Strict = parseResult.GetValue(strict),
                Narrow = parseResult.GetValue(narrow),
                Units = parseResult.GetValue(units),
                Similar = parseResult.GetValue(similar),
                Threshold = parseResult.GetValue(threshold),
                Tree = parseResult.GetValue(tree),
                Walk = parseResult.GetValue(walk),
                Shard = parseResult.GetValue(shard),
                Merge = parseResult.GetValue(merge),
                Progress = parseResult.GetValue(showProgress) ? true : parseResult.GetValue(noProgress) ? false : null,
            };
            if (parseResult.GetValue(showProgress) && parseResult.GetValue(noProgress))
            {
                new ErrorLineWriter(parseResult.InvocationConfiguration.Error, IsccRunner.Program).Write("--progress cannot be used with --no-progress");
                return Task.FromResult(ExitCodes.CannotRun);
            }

            var invocation = parseResult.InvocationConfiguration;
            return new IsccRunner(settings, console, invocation.Output, invocation.Error).RunAsync(cancellationToken);
        });
        return command;
    }

    // Says what is expected in words, not as a .NET type name.
    private static int WholeNumber(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"--threshold expects a whole number, not '{text}'");
        return 0;
    }

    private static ShardSpec? ShardOf(System.CommandLine.Parsing.ArgumentResult result)
    {
        var spec = ShardSpec.Parse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty, out var error);
        if (error is not null)
        {
            result.AddError(error);
        }

        return spec;
    }

    private static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };
}
