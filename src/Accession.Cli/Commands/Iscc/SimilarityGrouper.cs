namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// <c>--similar</c> grouping as iscc-sum 0.1.0 does it (shared/specs/iscc-sum.md §4.3): in input order,
/// each file not yet shown starts a group with every other file within the threshold, closest first
/// (ties in input order). A file may appear in several groups as a member, but leads at most one, and
/// a file already shown as a member leads none. Files with no similar file form a group of their own.
/// </summary>
internal static class SimilarityGrouper
{
    /// <summary>A group: the index of its first file and its members with their distances.</summary>
    public sealed record Group(int Reference, IReadOnlyList<(int Index, int Distance)> Members);

    public static List<Group> Find(int count, Func<int, int, int> distance, int threshold)
    {
        ArgumentNullException.ThrowIfNull(distance);
        var shown = new bool[count];
        var groups = new List<Group>();
        for (var i = 0; i < count; i++)
        {
            if (shown[i])
            {
                continue;
            }

            var members = new List<(int Index, int Distance)>();
            for (var j = 0; j < count; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var d = distance(i, j);
                if (d <= threshold)
                {
                    members.Add((j, d));
                    shown[j] = true;
                }
            }

            shown[i] = true;
            groups.Add(new Group(i, [.. members.OrderBy(m => m.Distance)]));
        }

        return groups;
    }
}
