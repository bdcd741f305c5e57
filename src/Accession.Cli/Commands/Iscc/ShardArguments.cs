namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// The FILE|DIR arguments of a <c>--shard</c> run. <c>--merge</c> restores one run's order from the
/// printed paths alone (<see cref="WalkOrder"/>), which is the order of the arguments only when they are
/// themselves in walk order and none lies inside another; other argument lists are refused up front.
/// </summary>
internal static class ShardArguments
{
    /// <summary>Why the arguments cannot be sharded, or null when they can.</summary>
    public static string? Find(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0 || files.Contains(DisplayPath.StandardInput))
        {
            return "--shard needs FILE or DIR arguments, not standard input";
        }

        // A folder stands for the files inside it: its path with an empty file name.
        var paths = files.Select(file => FolderPath.Exists(file) ? DisplayPath.Below(file, string.Empty) : DisplayPath.Of(file)).ToList();
        for (var i = 1; i < paths.Count; i++)
        {
            var (before, after) = (paths[i - 1], paths[i]);
            var nested = (before.EndsWith('/') && after.StartsWith(before, StringComparison.Ordinal))
                || (after.EndsWith('/') && before.StartsWith(after, StringComparison.Ordinal));
            if (nested || WalkOrder.Instance.Compare(before, after) >= 0)
            {
                return $"--shard needs its FILE and DIR arguments in walk order, none inside another, so that --merge can restore one run's order: '{files[i - 1]}' and '{files[i]}' are not; sort them as 'accession iscc --walk' sorts names";
            }
        }

        return null;
    }
}
