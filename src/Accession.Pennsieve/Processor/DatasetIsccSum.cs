using Accession.Iscc.Codec;
using Accession.Iscc.TreeWalk;
using Accession.OmeZarr.Archives;

namespace Accession.Pennsieve.Processor;

/// <summary>
/// The content identity of an imported dataset: one tree-mode ISCC-SUM over the files the import sends,
/// named by their path below the dataset root, in TREEWALK-ISCC order (shared/specs/iscc-sum.md §4.3) —
/// the code <c>accession iscc --tree</c> gives for the dataset's folder once extracted (clutter aside,
/// which is never sent). Sent as <c>options.properties.iscc_sum</c> of the manifest. Stateless.
/// </summary>
/// <remarks>
/// The manifest, which carries the code, is created before the first upload, and tree mode hashes the
/// files as one stream in walk order while uploads run in parallel in any order; so the files are read
/// once for the code before the uploads start, not hashed on their way into the PUTs.
/// </remarks>
public static class DatasetIsccSum
{
    /// <summary>The key in <c>options.properties</c>.</summary>
    public const string PropertyName = "iscc_sum";

    /// <summary>The wide (2×128-bit) ISCC-SUM, as <c>accession iscc --tree</c> prints it by default.</summary>
    public static async Task<string> ComputeAsync(ArchiveReader reader, ImportPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(plan);
        var entries = plan.Files.Select(file => new TreeEntry(
            plan.Dataset.RelativePath(file.Entry),
            file.Entry.Length,
            _ => ValueTask.FromResult(reader.OpenEntry(file.Entry))));
        try
        {
            var result = await TreeSum.HashAsync(entries, progress: null, cancellationToken).ConfigureAwait(false);
            return result.ToIscc(IsccSumWidth.Wide);
        }
        catch (TreeWalkException e)
        {
            throw new ImportException(ImportErrorKind.BadInput, $"{reader.Location}: cannot read '{e.Path}' for the ISCC-SUM ({e.Message}).", e);
        }
    }
}
