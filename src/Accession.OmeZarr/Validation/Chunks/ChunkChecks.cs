using System.Globalization;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation.Hierarchy;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Validation.Chunks;

/// <summary>
/// Chunk presence from the entry list alone, nothing is read (shared/specs/ome-zarr.md §1.4, §2.6,
/// C1–C4): every file in an array folder (not descending into nested nodes) must be a key of the
/// array's chunk key encoding inside its grid; missing chunks are legal (fill_value) and only counted.
/// </summary>
internal static class ChunkChecks
{
    public static void Check(HierarchyContext context)
    {
        var unexpected = new CappedFindings(context.Findings, DatasetRuleIds.ChunksUnexpectedFile, Severity.Warning);
        var empty = new CappedFindings(context.Findings, DatasetRuleIds.ChunksEmpty, Severity.Warning);
        foreach (var node in context.Nodes)
        {
            if (node is { Kind: ZarrNodeKind.Array, Array: { } array })
            {
                CheckArray(context, node, array, unexpected, empty);
            }
        }

        unexpected.Close(context.Root.MetadataFile, "unexpected files in array folders");
        empty.Close(context.Root.MetadataFile, "empty chunk files");
    }

    private static void CheckArray(HierarchyContext context, ZarrNode node, ZarrArrayMetadata array, CappedFindings unexpected, CappedFindings empty)
    {
        var grid = array.GridShape();
        var expected = array.GridSize();

        // Old v2 arrays written before dimension_separator existed may be nested without saying so.
        var alternative = array.Format == ZarrFormat.V2 && array.DimensionSeparator is null ? ChunkKeyEncoding.V2Slash : null;
        Span<long> index = grid.Length <= 32 ? stackalloc long[grid.Length] : new long[grid.Length];
        var prefix = node.Path.Length == 0 ? 0 : node.Path.Length + 1;
        long present = 0;
        long bytes = 0;

        // Walk the array's folders, not descending into nested nodes (a dataset path may nest arrays).
        var folders = new Stack<IndexedFolder>();
        folders.Push(node.Folder);
        while (folders.TryPop(out var folder))
        {
            foreach (var child in folder.Folders)
            {
                if (context.Node(child.Path) is null)
                {
                    folders.Push(child);
                }
            }

            foreach (var file in folder.Files)
            {
                var key = file.Path.AsSpan(prefix);
                if (ReferenceEquals(folder, node.Folder) && ZarrMetadataFiles.IsNodeMetadata(key))
                {
                    continue;
                }

                if ((array.ChunkKeyEncoding.TryParse(key, index) || (alternative?.TryParse(key, index) ?? false)) && InGrid(index, grid))
                {
                    present++;
                    bytes += file.Length;
                    if (file.Length == 0)
                    {
                        empty.Add(file.Path, string.Empty, "the chunk file is empty (0 bytes); a chunk that was never written should be absent instead. An interrupted upload?");
                    }
                }
                else
                {
                    unexpected.Add(file.Path, string.Empty, string.Create(CultureInfo.InvariantCulture,
                        $"not a chunk key of the array '{DatasetDiscovery.Display(node.Path)}' (encoding {array.ChunkKeyEncoding}, grid {string.Join("×", grid)})."));
                }
            }
        }

        var unit = array.IsSharded ? "shards" : "chunks";
        if (present == 0 && expected > 0)
        {
            context.Warning(DatasetRuleIds.ChunksNone, node.MetadataFile, string.Empty, string.Create(CultureInfo.InvariantCulture,
                $"the array has no {unit} stored (0 of {expected}); every value reads as fill_value. An incomplete upload?"));
            return;
        }

        var percent = expected == 0 ? 100.0 : 100.0 * present / expected;
        context.Info(DatasetRuleIds.ChunksPresent, node.MetadataFile, string.Empty, string.Create(CultureInfo.InvariantCulture,
            $"{present} of {expected} {unit} present ({percent:0.#}%), {bytes} bytes."));
    }

    private static bool InGrid(ReadOnlySpan<long> index, long[] grid)
    {
        for (var d = 0; d < index.Length; d++)
        {
            if (index[d] >= grid[d])
            {
                return false;
            }
        }

        return true;
    }
}
